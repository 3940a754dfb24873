package io.mosnet.dhcp.v6.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Messages captured from real servers and clients, committed as hex under src/test/resources. */
public final class Captured {

    private Captured() {
    }

    /** The messages of {@code kea-dhclient-exchange.txt}: SOLICIT, ADVERTISE, REQUEST, REPLY. */
    public static List<byte[]> keaExchange() {
        return load("kea-dhclient-exchange.txt");
    }

    public static byte[] keaSolicit() {
        return keaExchange().get(0);
    }

    public static byte[] keaAdvertise() {
        return keaExchange().get(1);
    }

    public static byte[] keaRequest() {
        return keaExchange().get(2);
    }

    public static byte[] keaReply() {
        return keaExchange().get(3);
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    private static List<byte[]> load(String name) {
        try (InputStream in = Captured.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(hex(line.trim()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("reading " + name, e);
        }
    }
}
