package io.mosnet.ovs.openflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The OpenFlow messages captured from Open vSwitch 3.1.0 (src/test/resources/.../ovs-3.1.0.golden). */
final class Golden {

    static final Map<String, byte[]> MESSAGES = load();

    private Golden() {
    }

    static byte[] get(String name) {
        byte[] b = MESSAGES.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no golden message " + name);
        }
        return b.clone();
    }

    private static Map<String, byte[]> load() {
        try (InputStream in = Golden.class.getResourceAsStream("ovs-3.1.0.golden")) {
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                m.put(line.substring(0, eq), HexFormat.of().parseHex(line.substring(eq + 1).strip()));
            }
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
