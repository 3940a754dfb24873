package io.mosnet.dhcp.v6.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that parsing fails with {@link Dhcp6ParseException} and says why. */
public final class ParseFailure {

    private ParseFailure() {
    }

    public static Dhcp6ParseException assertRejected(String messagePart, Executable parse) {
        Dhcp6ParseException e = assertThrows(Dhcp6ParseException.class, parse);
        assertTrue(e.getMessage().contains(messagePart),
                () -> "expected the message to contain '" + messagePart + "' but was: " + e.getMessage());
        return e;
    }
}
