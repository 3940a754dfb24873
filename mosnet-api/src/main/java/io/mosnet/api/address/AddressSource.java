package io.mosnet.api.address;

import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginContext;

/**
 * Produces addresses for the host interface over time: DHCPv4, DHCPv6, SLAAC observers and the like. A source runs
 * in the background once started and reports every change to its listener (acquired, renewed, lost), so that the
 * runtime can update the bridge, the state file and resolv.conf in one place.
 */
public interface AddressSource extends MosnetPlugin {

    AddressSession start(AddressRequest request, AddressListener listener, PluginContext context);
}
