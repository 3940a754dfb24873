package io.mosnet.runtime.probe;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Frames captured with tcpdump on a veth in a lab namespace (host 02:00:00:00:00:0a 10.0.0.2, gateway
 * 02:00:00:00:00:0b 10.0.0.1 and fe80::1): Linux's ARP request and reply for {@code ping 10.0.0.1}, and
 * {@code ndisc6 fe80::1 va}'s solicitation with the kernel's advertisement in answer.
 */
final class Frames {

    static final String ARP_REQUEST = ""
            + "ffffffffffff02000000000a0806000108000604000102000000000a0a0000020000000000000a000001";
    static final String ARP_REPLY = ""
            + "02000000000a02000000000b0806000108000604000202000000000b0a00000102000000000a0a000002";
    /** ndisc6's solicitation; the kernel put flow label 0xedc37 in it. */
    static final String NEIGHBOUR_SOLICITATION = ""
            + "3333ff00000102000000000a86dd600edc3700203afffe80000000000000000000fffe00000aff020000000000000000"
            + "0001ff00000187007b8700000000fe800000000000000000000000000001010102000000000a";
    static final String NEIGHBOUR_ADVERTISEMENT = ""
            + "02000000000a02000000000b86dd6000000000203afffe800000000000000000000000000001fe800000000000000000"
            + "00fffe00000a8800190a60000000fe800000000000000000000000000001020102000000000b";
    static final String ROUTER_SOLICITATION = ""
            + "33330000000202000000000b86dd6000000000103afffe800000000000000000000000000001ff020000000000000000"
            + "00000000000285007a2200000000010102000000000b";

    private Frames() {
    }

    static ByteBuffer frame(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    static String hex(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return HexFormat.of().formatHex(out);
    }
}
