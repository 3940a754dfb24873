package io.mosnet.runtime.netlink;

import io.mosnet.api.net.PacketFilter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Classic BPF programs (linux/filter.h, {@code struct sock_filter}: u16 code, u8 jt, u8 jf, u32 k) for each
 * {@link PacketFilter}. Offsets are into an untagged Ethernet frame: EtherType at 12, the L3 header at 14.
 */
final class PacketFilterProgram {

    // opcodes: class | size | mode
    private static final int LDH_ABS = 0x28;   // A = u16 at k
    private static final int LDB_ABS = 0x30;   // A = u8 at k
    private static final int LDXB_MSH = 0xb1;  // X = 4 * (u8 at k & 0xf): the IPv4 header length
    private static final int LDH_IND = 0x48;   // A = u16 at X + k
    private static final int JEQ_K = 0x15;
    private static final int JSET_K = 0x45;
    private static final int RET_K = 0x06;

    private static final int ACCEPT = 0x40000; // bytes to keep: the whole frame
    private static final int DROP = 0;

    private PacketFilterProgram() {
    }

    /** The instructions as the kernel reads them, 8 bytes each. */
    static byte[] of(PacketFilter filter) {
        return switch (filter) {
            case ARP_REPLY -> encode(new int[][] {
                    {LDH_ABS, 0, 0, 12},
                    {JEQ_K, 0, 3, 0x0806},     // ARP?
                    {LDH_ABS, 0, 0, 20},       // ar_op (RFC 826)
                    {JEQ_K, 0, 1, 2},          // reply?
                    {RET_K, 0, 0, ACCEPT},
                    {RET_K, 0, 0, DROP}});
            case NEIGHBOUR_ADVERTISEMENT -> encode(new int[][] {
                    {LDH_ABS, 0, 0, 12},
                    {JEQ_K, 0, 5, 0x86dd},     // IPv6?
                    {LDB_ABS, 0, 0, 20},       // next header, right after the fixed header (RFC 4861 uses none)
                    {JEQ_K, 0, 3, 58},         // ICMPv6?
                    {LDB_ABS, 0, 0, 54},       // ICMPv6 type
                    {JEQ_K, 0, 1, 136},        // neighbour advertisement?
                    {RET_K, 0, 0, ACCEPT},
                    {RET_K, 0, 0, DROP}});
            case DHCPV4_CLIENT -> udp4ToPort(68);
            case DHCPV4_SERVER -> udp4ToPort(67);
            case ALL -> encode(new int[][] {{RET_K, 0, 0, ACCEPT}});
        };
    }

    private static byte[] udp4ToPort(int port) {
        return encode(new int[][] {
                {LDH_ABS, 0, 0, 12},
                {JEQ_K, 0, 8, 0x0800},         // IPv4?
                {LDB_ABS, 0, 0, 23},           // protocol
                {JEQ_K, 0, 6, 17},             // UDP?
                {LDH_ABS, 0, 0, 20},           // flags + fragment offset
                {JSET_K, 4, 0, 0x1fff},        // a non-first fragment has no UDP header
                {LDXB_MSH, 0, 0, 14},
                {LDH_IND, 0, 0, 16},           // destination port: 14 + IHL + 2
                {JEQ_K, 0, 1, port},
                {RET_K, 0, 0, ACCEPT},
                {RET_K, 0, 0, DROP}});
    }

    private static byte[] encode(int[][] program) {
        ByteBuffer b = ByteBuffer.allocate(8 * program.length).order(ByteOrder.nativeOrder());
        for (int[] i : program) {
            b.putShort((short) i[0]).put((byte) i[1]).put((byte) i[2]).putInt(i[3]);
        }
        return b.array();
    }
}
