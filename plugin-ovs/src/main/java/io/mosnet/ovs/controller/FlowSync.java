package io.mosnet.ovs.controller;

import io.mosnet.ovs.openflow.Action;
import io.mosnet.ovs.openflow.FlowStats;
import io.mosnet.ovs.openflow.Instruction;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the switch's cookie-tagged flows to the {@link FlowPlan} by difference, so that a restarted mosnetd (or a
 * reconfiguration) leaves every flow that is still wanted untouched: no flow is removed and re-added, counters and
 * ages survive. Also reads back what an earlier run installed (learned VMs, proxied host addresses) so a restart
 * adopts it instead of forgetting it. Pure functions; the controller does the I/O.
 */
final class FlowSync {

    /** A flow's identity in a table: OpenFlow tells flows apart by priority and match (1.3.5 section 6.4). */
    record FlowKey(int priority, Match match) {
    }

    /** What an earlier run left: proxied addresses that are not VMs' (the host's), and the VMs. */
    record Adopted(Set<InetAddress> hostAddresses, List<VmEntry> vms) {
    }

    private FlowSync() {
    }

    /** mosnet's flows (table 0, {@link FlowPlan#COOKIE}) among {@code stats}, by key. */
    static Map<FlowKey, List<Instruction>> index(List<FlowStats> stats) {
        Map<FlowKey, List<Instruction>> out = new HashMap<>();
        for (FlowStats s : stats) {
            if (s.cookie() == FlowPlan.COOKIE && s.tableId() == 0) {
                out.put(new FlowKey(s.priority(), s.match()), s.instructions());
            }
        }
        return out;
    }

    /** The FLOW_MODs that turn {@code present} into {@code wanted}: strict deletes of the extra, then adds. */
    static List<FlowMod> changes(Map<FlowKey, List<Instruction>> present, List<FlowMod> wanted) {
        Set<FlowKey> keep = new LinkedHashSet<>();
        for (FlowMod f : wanted) {
            keep.add(new FlowKey(f.priority(), f.match()));
        }
        List<FlowMod> out = new ArrayList<>();
        for (FlowKey k : present.keySet()) {
            if (!keep.contains(k)) {
                out.add(FlowMod.deleteStrict(FlowPlan.COOKIE, k.priority(), k.match()));
            }
        }
        for (FlowMod f : wanted) {
            if (!f.instructions().equals(present.get(new FlowKey(f.priority(), f.match())))) {
                out.add(f);
            }
        }
        return out;
    }

    /** The flows of {@code wanted} by key, as the switch holds them once {@link #changes} are applied. */
    static Map<FlowKey, List<Instruction>> indexOf(List<FlowMod> wanted) {
        Map<FlowKey, List<Instruction>> out = new HashMap<>();
        for (FlowMod f : wanted) {
            out.put(new FlowKey(f.priority(), f.match()), f.instructions());
        }
        return out;
    }

    /**
     * Reads back {@link FlowPlan#vmFlows} (ingress rewrite from {@code uplink} to a VM's MAC and port) and the
     * proxy flows whose target is not a VM, which are the host's addresses.
     */
    static Adopted adopt(Map<FlowKey, List<Instruction>> present, long uplink) {
        Map<InetAddress, VmEntry> vms = new HashMap<>();
        for (Map.Entry<FlowKey, List<Instruction>> e : present.entrySet()) {
            Match m = e.getKey().match();
            if (e.getKey().priority() != FlowPlan.PRIORITY_VM_INGRESS || m.inPort() == null || m.inPort() != uplink) {
                continue;
            }
            InetAddress ip = m.ipv4Dst() != null ? m.ipv4Dst() : m.ipv6Dst();
            if (ip != null && e.getValue().size() == 1 && e.getValue().get(0) instanceof Instruction.ApplyActions a
                    && a.actions().size() == 2 && a.actions().get(0) instanceof Action.SetEthDst dst
                    && a.actions().get(1) instanceof Action.Output port) {
                vms.put(ip, new VmEntry(ip, dst.mac(), port.port()));
            }
        }
        Set<InetAddress> hosts = new LinkedHashSet<>();
        for (FlowKey k : present.keySet()) {
            if (k.priority() != FlowPlan.PRIORITY_PROXY) {
                continue;
            }
            InetAddress target = k.match().arpTpa() != null ? k.match().arpTpa() : k.match().ndTarget();
            if (target != null && !vms.containsKey(target)) {
                hosts.add(target);
            }
        }
        List<VmEntry> list = new ArrayList<>(vms.values());
        list.sort(java.util.Comparator.comparing((VmEntry v) -> v.ip() instanceof Inet4Address ? 0 : 1)
                .thenComparing(v -> v.ip().getHostAddress()));
        return new Adopted(hosts, list);
    }
}
