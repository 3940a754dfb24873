package io.mosnet.ovs.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.MacAddress;
import io.mosnet.ovs.openflow.Action;
import io.mosnet.ovs.openflow.Match;
import io.mosnet.ovs.openflow.OfCodec;
import io.mosnet.ovs.openflow.OfMessage;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import io.mosnet.ovs.openflow.OfMessage.PacketIn;
import io.mosnet.ovs.openflow.OfMessage.PacketOut;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacNatControllerTest {

    private static final MacAddress NIC = FramesTest.NIC;
    private static final long UPLINK = 1;
    private static final long VM_PORT = 3;
    private static final MacAddress VM_MAC = MacAddress.parse("52:54:00:00:00:50");
    private static final MacNatController.Config STATIC = new MacNatController.Config(Mode.STATIC, UPLINK, NIC,
            Set.<InetAddress>of(IpAddresses.parse("10.0.0.2"), IpAddresses.parse("2001:db8::2")));

    private static PacketIn packetIn(long port, byte[] frame) {
        return new PacketIn(OfCodec.NO_BUFFER, frame.length, 1, 0, FlowPlan.COOKIE, Match.any().inPort(port), frame);
    }

    /** An ARP request from the VM (10.0.0.50 at VM_MAC) for {@code target}. */
    private static byte[] vmArpRequest(String target) {
        byte[] f = FramesTest.ARP_REQUEST.clone();
        System.arraycopy(VM_MAC.toBytes(), 0, f, 6, 6);
        System.arraycopy(VM_MAC.toBytes(), 0, f, 22, 6);
        System.arraycopy(IpAddresses.parse("10.0.0.50").getAddress(), 0, f, 28, 4);
        System.arraycopy(IpAddresses.parse(target).getAddress(), 0, f, 38, 4);
        return f;
    }

    @Test
    void answersUpstreamArpForHostAddressWithNicMac() {
        List<OfMessage> out = MacNatController.handle(packetIn(UPLINK, FramesTest.ARP_REQUEST), STATIC, new VmTable(4));
        assertEquals(1, out.size());
        PacketOut p = assertInstanceOf(PacketOut.class, out.get(0));
        assertEquals(List.of(new Action.Output(UPLINK, 0)), p.actions());
        Frames.Arp reply = Frames.parseArp(p.data()).orElseThrow();
        assertEquals(2, reply.op());
        assertEquals(NIC, reply.sha());
        assertEquals(IpAddresses.parse("10.0.0.2"), reply.spa());
    }

    @Test
    void answersUpstreamSolicitationForHostAddress() {
        byte[] ns = FramesTest.neighbourSolicitation("2001:db8::1", "2001:db8::2", FramesTest.PEER);
        List<OfMessage> out = MacNatController.handle(packetIn(UPLINK, ns), STATIC, new VmTable(4));
        PacketOut p = assertInstanceOf(PacketOut.class, out.get(0));
        assertEquals(NIC, Frames.parseNd(p.data()).orElseThrow().lladdr());
    }

    @Test
    void ignoresUpstreamRequestsForForeignAddresses() {
        byte[] f = FramesTest.ARP_REQUEST.clone();
        f[41] = 99;
        assertEquals(List.of(), MacNatController.handle(packetIn(UPLINK, f), STATIC, new VmTable(4)));
    }

    @Test
    void learnsVmFromArpAndForwardsItWithNicMac() {
        VmTable vms = new VmTable(4);
        List<OfMessage> out = MacNatController.handle(packetIn(VM_PORT, vmArpRequest("10.0.0.1")), STATIC, vms);
        assertEquals(new VmEntry(IpAddresses.parse("10.0.0.50"), VM_MAC, VM_PORT), vms.all().get(0));
        List<FlowMod> flows = out.stream().filter(FlowMod.class::isInstance).map(FlowMod.class::cast).toList();
        assertEquals(FlowPlan.vmFlows(UPLINK, vms.all().get(0)), flows);
        PacketOut forwarded = (PacketOut) out.get(out.size() - 1);
        assertEquals(List.of(new Action.Output(UPLINK, 0)), forwarded.actions());
        assertEquals(NIC, Frames.parseArp(forwarded.data()).orElseThrow().sha());
        // Once learned, upstream ARP for the VM's address is proxied too.
        byte[] forVm = FramesTest.ARP_REQUEST.clone();
        System.arraycopy(IpAddresses.parse("10.0.0.50").getAddress(), 0, forVm, 38, 4);
        assertEquals(1, MacNatController.handle(packetIn(UPLINK, forVm), STATIC, vms).size());
    }

    @Test
    void answersVmArpForHostAddressDirectly() {
        List<OfMessage> out = MacNatController.handle(packetIn(VM_PORT, vmArpRequest("10.0.0.2")), STATIC,
                new VmTable(4));
        PacketOut reply = (PacketOut) out.get(out.size() - 1);
        assertEquals(List.of(new Action.Output(VM_PORT, 0)), reply.actions());
        assertEquals(VM_MAC, Frames.parseArp(reply.data()).orElseThrow().tha());
    }

    @Test
    void neverLearnsTheHostsOwnAddressFromAVm() {
        byte[] f = vmArpRequest("10.0.0.1");
        System.arraycopy(IpAddresses.parse("10.0.0.2").getAddress(), 0, f, 28, 4);
        VmTable vms = new VmTable(4);
        MacNatController.handle(packetIn(VM_PORT, f), STATIC, vms);
        assertEquals(0, vms.size());
    }

    @Test
    void vmTableRefusesAddressesBeyondCapacity() {
        VmTable vms = new VmTable(2);
        assertEquals(VmTable.Outcome.NEW, vms.learn(IpAddresses.parse("10.0.0.50"), VM_MAC, 3));
        assertEquals(VmTable.Outcome.NEW, vms.learn(IpAddresses.parse("10.0.0.51"), VM_MAC, 3));
        assertEquals(VmTable.Outcome.REFUSED, vms.learn(IpAddresses.parse("10.0.0.52"), VM_MAC, 3));
        assertEquals(VmTable.Outcome.KNOWN, vms.learn(IpAddresses.parse("10.0.0.50"), VM_MAC, 3));
        assertEquals(VmTable.Outcome.MOVED, vms.learn(IpAddresses.parse("10.0.0.50"), VM_MAC, 4));
    }

    @Test
    void dhcpModeProxiesNothing() {
        var dhcp = new MacNatController.Config(Mode.DHCP, UPLINK, NIC, Set.of());
        assertEquals(List.of(), MacNatController.handle(packetIn(UPLINK, FramesTest.ARP_REQUEST), dhcp, new VmTable(4)));
    }

    @Test
    void ignoresGarbagePacketIns() {
        assertEquals(List.of(), MacNatController.handle(packetIn(UPLINK, HexFormat.of().parseHex("00112233")), STATIC,
                new VmTable(4)));
        assertEquals(List.of(), MacNatController.handle(packetIn(VM_PORT, new byte[0]), STATIC, new VmTable(4)));
    }
}
