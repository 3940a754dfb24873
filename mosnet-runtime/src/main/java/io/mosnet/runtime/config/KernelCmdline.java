package io.mosnet.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a kernel command line into its words, as the kernel does: words are separated by white space, and double
 * quotes group a word that contains spaces ({@code foo="a b"}); the quotes themselves are removed.
 */
public final class KernelCmdline {

    private KernelCmdline() {
    }

    /** One {@code key=value} word; {@code value} is null for a bare flag such as {@code quiet}. */
    public record Param(String key, String value) {
    }

    /**
     * The command line without comment lines: a {@code --cmdline} file may explain itself in lines whose first
     * non-blank character is {@code #} (the files in examples/ do). /proc/cmdline is a single line of words, which
     * a boot loader starts with {@code BOOT_IMAGE=} or the first parameter, so nothing real is lost.
     */
    public static String withoutCommentLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (!line.stripLeading().startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    public static List<Param> parse(String cmdline) {
        List<Param> params = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < cmdline.length(); i++) {
            char c = cmdline.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    params.add(split(word.toString()));
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            params.add(split(word.toString()));
        }
        return params;
    }

    private static Param split(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? new Param(word, null) : new Param(word.substring(0, eq), word.substring(eq + 1));
    }
}
