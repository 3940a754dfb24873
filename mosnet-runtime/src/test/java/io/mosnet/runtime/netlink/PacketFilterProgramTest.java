package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.PacketFilter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Runs the filters on a small classic-BPF interpreter (the subset the programs use, with the kernel's rule that a
 * load past the end of the packet drops it) against captured frames.
 */
class PacketFilterProgramTest {

    static final String ARP_REQUEST = "ffffffffffff02000000000a0806000108000604000102000000000a0a000002"
            + "0000000000000a000001";
    static final String ARP_REPLY = "02000000000a02000000000b0806000108000604000202000000000b0a000001"
            + "02000000000a0a000002";
    static final String NEIGHBOUR_SOLICITATION = "3333ff00000102000000000a86dd600edc3700203afffe800000000000"
            + "00000000fffe00000aff0200000000000000000001ff00000187007b8700000000fe80000000000000000000000000"
            + "0001010102000000000a";
    static final String NEIGHBOUR_ADVERTISEMENT = "02000000000a02000000000b86dd6000000000203afffe800000000000"
            + "000000000000000001fe80000000000000000000fffe00000a8800190a60000000fe80000000000000000000000000"
            + "0001020102000000000b";
    /** Ethernet + IPv4 (IHL 5, UDP) + UDP header from 67 to 68, as a DHCP offer starts. */
    static final String UDP_67_TO_68 = "ffffffffffff02000000000b08004500011c0000000040110000c0000201ffffffff"
            + "004300440108" + "0000";
    /** The same with IPv4 options (IHL 6): the port must be found after the options. */
    static final String UDP_67_TO_68_WITH_OPTIONS = "ffffffffffff02000000000b08004600012000000000401100"
            + "00c0000201ffffffff" + "01010101" + "004300440108" + "0000";
    /** A second fragment: its payload is not a UDP header although the bytes there say port 68. */
    static final String UDP_FRAGMENT = "ffffffffffff02000000000b08004500011c000000b940110000c0000201ffffffff"
            + "004300440108" + "0000";

    static int run(byte[] program, byte[] packet) {
        ByteBuffer p = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
        int a = 0;
        int x = 0;
        int pc = 0;
        while (true) {
            int code = p.getShort(8 * pc) & 0xffff;
            int jt = p.get(8 * pc + 2) & 0xff;
            int jf = p.get(8 * pc + 3) & 0xff;
            int k = p.getInt(8 * pc + 4);
            pc++;
            switch (code) {
                case 0x28, 0x48 -> {
                    int off = k + (code == 0x48 ? x : 0);
                    if (off + 2 > packet.length) {
                        return 0;
                    }
                    a = ((packet[off] & 0xff) << 8) | (packet[off + 1] & 0xff);
                }
                case 0x30 -> {
                    if (k >= packet.length) {
                        return 0;
                    }
                    a = packet[k] & 0xff;
                }
                case 0xb1 -> {
                    if (k >= packet.length) {
                        return 0;
                    }
                    x = 4 * (packet[k] & 0xf);
                }
                case 0x15 -> pc += a == k ? jt : jf;
                case 0x45 -> pc += (a & k) != 0 ? jt : jf;
                case 0x06 -> {
                    return k;
                }
                default -> throw new AssertionError("opcode 0x" + Integer.toHexString(code) + " not interpreted");
            }
        }
    }

    private static boolean accepts(PacketFilter f, String frameHex) {
        return run(PacketFilterProgram.of(f), Hex.bytes(frameHex)) > 0;
    }

    @Test
    void arpReplyFilterPassesRepliesOnly() {
        assertEquals(true, accepts(PacketFilter.ARP_REPLY, ARP_REPLY));
        assertEquals(false, accepts(PacketFilter.ARP_REPLY, ARP_REQUEST));
        assertEquals(false, accepts(PacketFilter.ARP_REPLY, NEIGHBOUR_ADVERTISEMENT));
        assertEquals(false, accepts(PacketFilter.ARP_REPLY, "ffffffffffff"));
    }

    @Test
    void advertisementFilterPassesAdvertisementsOnly() {
        assertEquals(true, accepts(PacketFilter.NEIGHBOUR_ADVERTISEMENT, NEIGHBOUR_ADVERTISEMENT));
        assertEquals(false, accepts(PacketFilter.NEIGHBOUR_ADVERTISEMENT, NEIGHBOUR_SOLICITATION));
        assertEquals(false, accepts(PacketFilter.NEIGHBOUR_ADVERTISEMENT, ARP_REPLY));
    }

    @Test
    void dhcpClientFilterFindsThePortAfterIpOptionsAndSkipsFragments() {
        assertEquals(true, accepts(PacketFilter.DHCPV4_CLIENT, UDP_67_TO_68));
        assertEquals(true, accepts(PacketFilter.DHCPV4_CLIENT, UDP_67_TO_68_WITH_OPTIONS));
        assertEquals(false, accepts(PacketFilter.DHCPV4_CLIENT, UDP_FRAGMENT));
        assertEquals(false, accepts(PacketFilter.DHCPV4_SERVER, UDP_67_TO_68));
        assertEquals(false, accepts(PacketFilter.DHCPV4_CLIENT, ARP_REPLY));
    }

    @Test
    void allFilterPassesEverything() {
        assertEquals(true, accepts(PacketFilter.ALL, ARP_REQUEST));
    }

    @Test
    void jumpsNeverLeaveTheProgram() {
        for (PacketFilter f : PacketFilter.values()) {
            ByteBuffer p = ByteBuffer.wrap(PacketFilterProgram.of(f)).order(ByteOrder.nativeOrder());
            int n = p.capacity() / 8;
            for (int pc = 0; pc < n; pc++) {
                int code = p.getShort(8 * pc) & 0xffff;
                if ((code & 0x07) == 0x05) {
                    int jt = p.get(8 * pc + 2) & 0xff;
                    int jf = p.get(8 * pc + 3) & 0xff;
                    assertEquals(true, pc + 1 + Math.max(jt, jf) < n, f + " instruction " + pc);
                }
            }
            assertEquals(0x06, p.getShort(8 * (n - 1)) & 0xffff, f + " ends with a return");
        }
    }
}
