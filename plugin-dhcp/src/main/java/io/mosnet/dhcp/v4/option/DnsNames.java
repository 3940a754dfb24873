package io.mosnet.dhcp.v4.option;

import java.util.Locale;

/**
 * Validation of host and domain names received from or sent to a DHCP server. Only letters, digits and hyphens
 * in labels of 1-63 characters that neither start nor end with a hyphen (RFC 1123 section 2.1, RFC 1035 section
 * 2.3.1) and at most 253 characters in all: such a name cannot smuggle whitespace, newlines or shell syntax into
 * resolv.conf, logs or anything else it reaches.
 */
public final class DnsNames {

    public static final int MAX_NAME = 253;
    public static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    /** Returns the name in lower case without a trailing dot, or throws naming the offending part. */
    public static String requireValid(String what, String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new DhcpParseException(what + ": a name has 1-" + MAX_NAME + " characters, got " + n.length());
        }
        int start = 0;
        while (start <= n.length()) {
            int dot = n.indexOf('.', start);
            int end = dot < 0 ? n.length() : dot;
            requireLabel(what, n, n.substring(start, end));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return n.toLowerCase(Locale.ROOT);
    }

    static void requireLabel(String what, String name, String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw new DhcpParseException(what + ": label of " + label.length() + " characters in '"
                    + printable(name) + "' (1-" + MAX_LABEL + " allowed)");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                throw new DhcpParseException(what + ": character 0x" + Integer.toHexString(c) + " not allowed in '"
                        + printable(name) + "' (letters, digits and hyphens only)");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw new DhcpParseException(what + ": label '" + label + "' starts or ends with a hyphen");
        }
    }

    /** A peer's text made safe for a log line: printable ASCII kept, everything else as '?', at most 100 chars. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 100));
        for (int i = 0; i < s.length() && i < 100; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
