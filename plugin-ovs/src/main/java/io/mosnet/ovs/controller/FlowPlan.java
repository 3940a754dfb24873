package io.mosnet.ovs.controller;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.Action;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import io.mosnet.ovs.openflow.Ports;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The flows mosnet installs on bridge {@code mos}, all in table 0 and tagged with {@link #COOKIE} so they can be
 * replaced as a set without touching anyone else's. A pure function of the uplink port, the NIC's MAC, the mode,
 * the proxied host addresses and the learned VMs.
 *
 * <p>Static mode (MAC NAT, the Hetzner case: upstream accepts only the NIC's MAC):
 * <pre>
 * 300 in_port=UPLINK,arp,arp_op=1,arp_tpa=A        CONTROLLER  (ARP proxy, every host and VM IPv4)
 * 300 in_port=UPLINK,icmp6,type=135,nd_target=A     CONTROLLER  (NDP proxy, every host and VM IPv6)
 * 200 in_port=UPLINK,ip|arp|ipv6 to VM address      set eth_dst=VM MAC, output:VM port   (ingress NAT)
 * 200 in_port=LOCAL,ip|ipv6 to VM address           set eth_dst=VM MAC, output:VM port   (host to VM)
 * 100 in_port=UPLINK                                LOCAL
 * 100 in_port=LOCAL                                 output:UPLINK
 *  50 arp / icmp6 type 135,136 (from VM ports)      CONTROLLER  (learn the VM, answer or forward rewritten)
 *  20 dl_dst=NIC MAC (from VM ports)                LOCAL       (VM to host)
 *  10 any (from VM ports)                           set eth_src=NIC MAC, output:UPLINK   (egress NAT)
 * </pre>
 * DHCP mode needs no NAT (reference: the controller runs in static mode only), but the bridge is fail_mode=secure
 * and forwards nothing without flows, so one flow makes it a normal learning switch.
 *
 * <p>The vlan topology gets that same single flow in both modes: only the NORMAL action honours the ports' VLAN
 * configuration (the host's internal port an access port of the VLAN, the uplink a trunk), tagging and untagging as
 * frames cross; explicit outputs would hand tagged frames to the host. MAC NAT and the proxy are for the untagged
 * uplink of a MAC-filtering provider; on a VLAN the host answers ARP/NDP itself, with the NIC's MAC (hwaddr).
 */
public final class FlowPlan {

    /** "mosnet" followed by 0x0001: the cookie of every flow mosnet owns. */
    public static final long COOKIE = 0x6d6f_736e_6574_0001L;

    static final int PRIORITY_PROXY = 300;
    static final int PRIORITY_VM_INGRESS = 200;
    static final int PRIORITY_HOST = 100;
    static final int PRIORITY_LEARN = 50;
    static final int PRIORITY_VM_TO_HOST = 20;
    static final int PRIORITY_EGRESS = 10;
    static final int PRIORITY_NORMAL = 1;

    private FlowPlan() {
    }

    public static List<FlowMod> flows(Mode mode, long uplink, MacAddress nic, Collection<InetAddress> hostAddresses,
                                      Collection<VmEntry> vms) {
        return flows(mode, 0, uplink, nic, hostAddresses, vms);
    }

    /** @param vlan the host port's access VLAN, 0 when untagged */
    public static List<FlowMod> flows(Mode mode, int vlan, long uplink, MacAddress nic,
                                      Collection<InetAddress> hostAddresses, Collection<VmEntry> vms) {
        List<FlowMod> out = new ArrayList<>();
        if (mode == Mode.DHCP || vlan != 0) {
            out.add(FlowMod.add(COOKIE, PRIORITY_NORMAL, Match.any(), List.of(new Action.Output(Ports.NORMAL, 0))));
            return out;
        }
        for (InetAddress a : hostAddresses) {
            out.add(proxyFlow(uplink, a));
        }
        for (VmEntry vm : vms) {
            out.addAll(vmFlows(uplink, vm));
        }
        out.add(FlowMod.add(COOKIE, PRIORITY_HOST, Match.any().inPort(uplink), List.of(new Action.Output(Ports.LOCAL, 0))));
        out.add(FlowMod.add(COOKIE, PRIORITY_HOST, Match.any().inPort(Ports.LOCAL), List.of(new Action.Output(uplink, 0))));
        out.add(FlowMod.add(COOKIE, PRIORITY_LEARN, Match.any().arpOp(Frames.ARP_REQUEST), toController()));
        out.add(FlowMod.add(COOKIE, PRIORITY_LEARN, Match.any().arpOp(Frames.ARP_REPLY), toController()));
        out.add(FlowMod.add(COOKIE, PRIORITY_LEARN, Match.any().icmpv6Type(Frames.ND_NEIGHBOR_SOLICITATION), toController()));
        out.add(FlowMod.add(COOKIE, PRIORITY_LEARN, Match.any().icmpv6Type(Frames.ND_NEIGHBOR_ADVERTISEMENT), toController()));
        out.add(FlowMod.add(COOKIE, PRIORITY_VM_TO_HOST, Match.any().ethDst(nic), List.of(new Action.Output(Ports.LOCAL, 0))));
        out.add(FlowMod.add(COOKIE, PRIORITY_EGRESS, Match.any(),
                List.of(new Action.SetEthSrc(nic), new Action.Output(uplink, 0))));
        return out;
    }

    /** The proxy flow for one address (ARP request or neighbour solicitation for it, from the uplink). */
    static FlowMod proxyFlow(long uplink, InetAddress a) {
        Match m = a instanceof Inet4Address v4
                ? Match.any().inPort(uplink).arpOp(Frames.ARP_REQUEST).arpTpa(v4)
                : Match.any().inPort(uplink).icmpv6Type(Frames.ND_NEIGHBOR_SOLICITATION).ndTarget((Inet6Address) a);
        return FlowMod.add(COOKIE, PRIORITY_PROXY, m, toController());
    }

    /** Ingress NAT for one learned VM address, plus its proxy flow so upstream resolves it to the NIC's MAC. */
    static List<FlowMod> vmFlows(long uplink, VmEntry vm) {
        List<Action> deliver = List.of(new Action.SetEthDst(vm.mac()), new Action.Output(vm.port(), 0));
        List<FlowMod> out = new ArrayList<>();
        out.add(proxyFlow(uplink, vm.ip()));
        if (vm.ip() instanceof Inet4Address v4) {
            out.add(FlowMod.add(COOKIE, PRIORITY_VM_INGRESS, Match.any().inPort(uplink).ipv4Dst(v4), deliver));
            out.add(FlowMod.add(COOKIE, PRIORITY_VM_INGRESS, Match.any().inPort(uplink).arpTpa(v4), deliver));
            out.add(FlowMod.add(COOKIE, PRIORITY_VM_INGRESS, Match.any().inPort(Ports.LOCAL).ipv4Dst(v4), deliver));
        } else {
            Inet6Address v6 = (Inet6Address) vm.ip();
            out.add(FlowMod.add(COOKIE, PRIORITY_VM_INGRESS, Match.any().inPort(uplink).ipv6Dst(v6), deliver));
            out.add(FlowMod.add(COOKIE, PRIORITY_VM_INGRESS, Match.any().inPort(Ports.LOCAL).ipv6Dst(v6), deliver));
        }
        return out;
    }

    private static List<Action> toController() {
        return List.of(new Action.Output(Ports.CONTROLLER, Ports.NO_BUFFER));
    }
}
