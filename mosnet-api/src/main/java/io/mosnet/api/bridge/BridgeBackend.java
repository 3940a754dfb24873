package io.mosnet.api.bridge;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.VlanReport;
import java.util.Map;

/**
 * Puts the chosen uplink NIC into the bridge and gives the host its addresses and routes there. Implementations:
 * {@code linux} (rtnetlink), {@code ovs} (OVSDB + OpenFlow, a drop-in plugin), and third-party ones.
 *
 * <p>Both calls must converge: applied twice with the same request they change nothing the second time, and
 * they adopt a bridge left by an earlier run instead of rebuilding it.
 */
public interface BridgeBackend extends MosnetPlugin {

    /**
     * Checks, without changing anything, that the backend can work here (its daemons reachable, its kernel
     * features present). Throws a {@link io.mosnet.api.plugin.MosnetException} saying what is missing.
     */
    default void preflight(PluginContext context) {
    }

    /**
     * Does ahead, while the DHCP or gateway probe is still choosing the uplink, the part of {@link #attach} that
     * does not wait for the choice: typically creating the bridge, and taking the MAC of {@code likelyUplink} when
     * that is the only candidate (null when the probe has several to choose from). Runs on a thread of its own
     * beside the probe and ends before {@link #attach} is called. Optional: attach must converge whether this ran,
     * failed half-way or is left out, and a failure here is only logged (attach reports it if it matters). The
     * default does nothing.
     */
    default void stage(String bridgeName, Link likelyUplink, PluginContext context) {
    }

    /** Creates or adopts the bridge and enslaves the uplink as a pure L2 port; the bridge keeps the uplink's MAC. */
    BridgeAttachment attach(BridgeRequest request, PluginContext context);

    /**
     * Puts the host's addresses and routes on the bridge's host interface and sets the host routing the mode
     * needs (forwarding, proxy ARP/NDP, accept_ra). Called again whenever addresses change (a DHCP renewal).
     */
    void configureHost(HostSetup setup, PluginContext context);

    /**
     * Sets the MTU of the host interface, and first of the uplink when it must grow for it (a DHCP lease's option 26;
     * a bridge is never larger than its ports). The default does it through the host network, as {@code ip link set
     * DEV mtu MTU} would, which suits a Linux bridge; a backend whose switch manages its ports' MTUs overrides it.
     */
    default void setMtu(BridgeAttachment attachment, Link uplink, int mtu, PluginContext context) {
        HostNetwork net = context.network();
        if (net.requireLink(uplink.name()).mtu() < mtu) {
            net.setMtu(uplink.name(), mtu);
        }
        net.setMtu(attachment.hostInterface(), mtu);
    }

    /** Backend-specific facts for {@code mosnet bridge} and the state file; plain JSON-friendly values. */
    default Map<String, Object> inspect(PluginContext context) {
        return Map.of();
    }

    /**
     * The VLAN set-up of {@code bridge} for {@code mosnet vlan}: whether it filters VLANs and which port carries
     * which VLAN. A backend that knows nothing of VLANs keeps this default: no filtering, no memberships.
     */
    default VlanReport vlan(String bridge, PluginContext context) {
        return new VlanReport(false, java.util.List.of());
    }

    /**
     * A backend-specific view for the CLI, by name, with string arguments (the {@code ovs} backend serves
     * {@code ovs}, {@code flows}, {@code datapath} and {@code conntrack}); plain JSON-friendly values. A backend
     * without views keeps this default, which says so.
     */
    default Map<String, Object> view(String name, Map<String, String> args, PluginContext context) {
        throw new MosnetException("bridge backend '" + id() + "' has no view '" + name + "'");
    }
}
