package io.mosnet.rdnss;

import io.mosnet.api.net.IpAddresses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Builds ND option bytes for tests, and reads the captured radvd advertisement. */
final class RaBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static RaBytes options() {
        return new RaBytes();
    }

    /** An RDNSS option (RFC 8106 §5.1) with the length that fits the addresses. */
    RaBytes rdnss(long lifetime, String... servers) {
        out.write(RdnssOption.TYPE);
        out.write(1 + 2 * servers.length);
        header(lifetime);
        for (String s : servers) {
            out.writeBytes(v6Bytes(s));
        }
        return this;
    }

    /** A DNSSL option (RFC 8106 §5.2): names in wire form, zero-padded to 8 octets. */
    RaBytes dnssl(long lifetime, String... names) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (String n : names) {
            for (String label : n.split("\\.")) {
                byte[] l = label.getBytes(StandardCharsets.ISO_8859_1);
                data.write(l.length);
                data.writeBytes(l);
            }
            data.write(0);
        }
        return dnsslRaw(lifetime, data.toByteArray());
    }

    /** A DNSSL option around the given name octets, padded. */
    RaBytes dnsslRaw(long lifetime, byte[] names) {
        int units = (8 + names.length + 7) / 8;
        out.write(DnsslOption.TYPE);
        out.write(units);
        header(lifetime);
        out.writeBytes(names);
        out.writeBytes(new byte[units * 8 - 8 - names.length]);
        return this;
    }

    RaBytes raw(int... octets) {
        for (int o : octets) {
            out.write(o);
        }
        return this;
    }

    RaBytes raw(byte[] octets) {
        out.writeBytes(octets);
        return this;
    }

    /** 16 octets, also for IPv4-mapped literals, which InetAddress would turn into IPv4. */
    static byte[] v6Bytes(String literal) {
        if (literal.startsWith("::ffff:")) {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(IpAddresses.parse(literal.substring(7)).getAddress(), 0, b, 12, 4);
            return b;
        }
        return IpAddresses.parse(literal).getAddress();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void header(long lifetime) {
        out.write(0);
        out.write(0);
        out.write((int) (lifetime >>> 24));
        out.write((int) (lifetime >>> 16));
        out.write((int) (lifetime >>> 8));
        out.write((int) lifetime);
    }

    /** The ND options of the captured radvd advertisement (second data line of radvd-ra.hex). */
    static byte[] radvdOptions() {
        try (InputStream in = RaBytes.class.getResourceAsStream("radvd-ra.hex")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return HexFormat.of().parseHex(lines.get(1));
        } catch (IOException e) {
            throw new IllegalStateException("reading radvd-ra.hex", e);
        }
    }
}
