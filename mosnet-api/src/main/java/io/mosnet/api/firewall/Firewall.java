package io.mosnet.api.firewall;

import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginContext;

/**
 * Installs the host firewall and NAT. {@link #apply} replaces mosnet's own rules atomically: on failure the
 * previous rules stay in place; applied twice, the result is one copy. The runtime applies again whenever an input
 * changes (with {@code mosnat=snat}, the default route's interface), so an apply that changes one part should leave
 * the others, and their counters, as they are.
 */
public interface Firewall extends MosnetPlugin {

    void apply(FirewallRequest request, PluginContext context);

    /** mosnet's tables, chains, rules and counters as they are now in the kernel. */
    FirewallReport report(PluginContext context);
}
