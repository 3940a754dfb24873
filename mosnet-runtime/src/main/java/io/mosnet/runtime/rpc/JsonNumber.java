package io.mosnet.runtime.rpc;

/**
 * A JSON number as {@link PlainJson} read it: its text as written, so that printing it again gives the same bytes.
 *
 * @param text     the number's text, e.g. {@code 42}, {@code -1.5e3}
 * @param integral whether it has neither fraction nor exponent
 */
public record JsonNumber(String text, boolean integral) {

    /** The value as a long; throws {@link NumberFormatException} when it is not an integer that fits. */
    public long longValue() {
        if (!integral) {
            throw new NumberFormatException("not an integer: " + text);
        }
        return Long.parseLong(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
