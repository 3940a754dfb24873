package io.mosnet.api.address;

import io.mosnet.api.plugin.PluginContext;

/**
 * Implemented beside {@link AddressSource} by sources that can choose the uplink (DHCPv4): they ask on every
 * candidate NIC at once and rank the answers. The runtime checks {@code source instanceof AddressProbe}, probes,
 * builds the bridge on the chosen NIC and then starts the source with {@link ProbeReport#offer()} as
 * {@link AddressRequest#previous()}, so the client requests the address it was offered instead of starting over. A
 * source may carry the chosen NIC's exchange on from the probe (the request already sent while the bridge is
 * built) and hand it to the {@code start} that names that NIC and offer; it drops it at any other start or probe.
 */
public interface AddressProbe {

    /**
     * Probes the candidates; blocks until the choice can no longer change or the configured timeout passed. A NIC
     * that stays silent is reported in the result, not thrown.
     */
    ProbeReport probe(ProbeRequest request, PluginContext context);
}
