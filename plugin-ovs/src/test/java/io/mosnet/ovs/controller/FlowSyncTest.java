package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.FlowStats;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowSyncTest {

    static final MacAddress NIC = FramesTest.NIC;
    static final long UPLINK = 1;
    static final InetAddress HOST4 = IpAddresses.parse("10.0.0.2");
    static final InetAddress HOST6 = IpAddresses.parse("2001:db8::2");
    static final VmEntry VM4 = new VmEntry(IpAddresses.parse("10.0.0.50"), MacAddress.parse("52:54:00:00:00:50"), 3);
    static final VmEntry VM6 = new VmEntry(IpAddresses.parse("2001:db8::50"), MacAddress.parse("52:54:00:00:00:50"), 3);

    /** The flows as the switch reports them after {@code mods} were installed. */
    static List<FlowStats> onSwitch(List<FlowMod> mods) {
        List<FlowStats> out = new ArrayList<>();
        for (FlowMod f : mods) {
            out.add(new FlowStats(0, 12, 0, f.priority(), 0, 0, 0, f.cookie(), 7, 700, f.match(), f.instructions()));
        }
        return out;
    }

    static List<FlowMod> plan(Set<InetAddress> hosts, List<VmEntry> vms) {
        return FlowPlan.flows(Mode.STATIC, UPLINK, NIC, hosts, vms);
    }

    @Test
    void sameFlowsOnTheSwitchNeedNoChange() {
        List<FlowMod> wanted = plan(Set.of(HOST4, HOST6), List.of(VM4));
        assertEquals(List.of(), FlowSync.changes(FlowSync.index(onSwitch(wanted)), wanted));
    }

    @Test
    void onlyTheDifferenceIsSentDeletesFirst() {
        List<FlowMod> old = plan(Set.of(HOST4), List.of());
        List<FlowMod> wanted = plan(Set.of(HOST6), List.of());
        List<FlowMod> changes = FlowSync.changes(FlowSync.index(onSwitch(old)), wanted);
        assertEquals(List.of(FlowMod.deleteStrict(FlowPlan.COOKIE, FlowPlan.PRIORITY_PROXY,
                FlowPlan.proxyFlow(UPLINK, HOST4).match()), FlowPlan.proxyFlow(UPLINK, HOST6)), changes);
    }

    @Test
    void changedActionsAreReplacedByAnAdd() {
        List<FlowMod> old = plan(Set.of(HOST4), List.of(VM4));
        VmEntry moved = new VmEntry(VM4.ip(), VM4.mac(), 4);
        List<FlowMod> changes = FlowSync.changes(FlowSync.index(onSwitch(old)), plan(Set.of(HOST4), List.of(moved)));
        assertEquals(3, changes.size(), changes.toString());
        assertEquals(List.of(FlowMod.ADD), changes.stream().map(FlowMod::command).distinct().toList());
    }

    @Test
    void otherCookiesAndTablesAreNotMosnets() {
        FlowStats foreign = new FlowStats(0, 1, 0, 5, 0, 0, 0, 0x1234, 0, 0, Match.any(), List.of());
        FlowStats otherTable = new FlowStats(1, 1, 0, 5, 0, 0, 0, FlowPlan.COOKIE, 0, 0, Match.any(), List.of());
        assertEquals(0, FlowSync.index(List.of(foreign, otherTable)).size());
    }

    @Test
    void adoptsVmsAndHostAddressesAnEarlierRunInstalled() {
        var present = FlowSync.index(onSwitch(plan(Set.of(HOST4, HOST6), List.of(VM4, VM6))));
        FlowSync.Adopted a = FlowSync.adopt(present, UPLINK);
        assertEquals(Set.of(HOST4, HOST6), a.hostAddresses());
        assertEquals(List.of(VM4, VM6), a.vms());
        assertEquals(List.of(), FlowSync.changes(present, plan(a.hostAddresses(), a.vms())),
                "adopting and re-planning changes nothing");
    }

    @Test
    void vmFlowsOfAnotherUplinkAreNotAdopted() {
        var present = FlowSync.index(onSwitch(FlowPlan.vmFlows(2, VM4)));
        assertEquals(List.of(), FlowSync.adopt(present, UPLINK).vms());
    }
}
