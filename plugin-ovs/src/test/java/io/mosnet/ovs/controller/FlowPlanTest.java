package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.Action;
import io.mosnet.ovs.openflow.Instruction;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import io.mosnet.ovs.openflow.Ports;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowPlanTest {

    private static final MacAddress NIC = FramesTest.NIC;

    private static List<String> render(List<FlowMod> flows) {
        return flows.stream().map(f -> f.priority() + " " + f.match() + " " + Instruction.format(f.instructions()))
                .toList();
    }

    @Test
    void staticModeBuildsProxyAndMacNatFlows() {
        List<FlowMod> flows = FlowPlan.flows(Mode.STATIC, 1, NIC,
                List.<InetAddress>of(IpAddresses.parse("192.0.2.2"), IpAddresses.parse("2001:db8::2")),
                List.of(new VmEntry(IpAddresses.parse("192.0.2.50"), MacAddress.parse("52:54:00:00:00:50"), 3)));
        assertEquals(List.of(
                "300 in_port=1,arp,arp_op=1,arp_tpa=192.0.2.2 CONTROLLER:65535",
                "300 in_port=1,ipv6,nw_proto=58,icmp_type=135,nd_target=2001:db8::2 CONTROLLER:65535",
                "300 in_port=1,arp,arp_op=1,arp_tpa=192.0.2.50 CONTROLLER:65535",
                "200 in_port=1,ip,nw_dst=192.0.2.50 set_field:52:54:00:00:00:50->eth_dst,output:3",
                "200 in_port=1,arp,arp_tpa=192.0.2.50 set_field:52:54:00:00:00:50->eth_dst,output:3",
                "200 in_port=LOCAL,ip,nw_dst=192.0.2.50 set_field:52:54:00:00:00:50->eth_dst,output:3",
                "100 in_port=1 LOCAL",
                "100 in_port=LOCAL output:1",
                "50 arp,arp_op=1 CONTROLLER:65535",
                "50 arp,arp_op=2 CONTROLLER:65535",
                "50 ipv6,nw_proto=58,icmp_type=135 CONTROLLER:65535",
                "50 ipv6,nw_proto=58,icmp_type=136 CONTROLLER:65535",
                "20 dl_dst=be:7d:42:67:02:4c LOCAL",
                "10  set_field:be:7d:42:67:02:4c->eth_src,output:1"), render(flows));
        assertTrue(flows.stream().allMatch(f -> f.cookie() == FlowPlan.COOKIE));
    }

    @Test
    void dhcpModeIsANormalSwitch() {
        List<FlowMod> flows = FlowPlan.flows(Mode.DHCP, 1, NIC, List.of(), List.of());
        assertEquals(1, flows.size());
        assertEquals(List.of(new Instruction.ApplyActions(List.of(new Action.Output(Ports.NORMAL, 0)))),
                flows.get(0).instructions());
    }
}
