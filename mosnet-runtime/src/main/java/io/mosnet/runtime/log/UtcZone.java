package io.mosnet.runtime.log;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SimpleTimeZone;
import java.util.TimeZone;

/**
 * The JVM's default time zone when the launcher runs it in UTC ({@code -Duser.timezone=UTC}): a fixed zone whose
 * {@link ZoneId} is {@link ZoneOffset#UTC}. The JDK's own "UTC" is a region that it looks up in its time-zone
 * database, which it reads whole (~5 ms of CPU, interpreted) the first time tinylog formats a date; a fixed offset
 * needs no database, and formats the same ({@code +0000}).
 */
final class UtcZone extends SimpleTimeZone {

    private static final long serialVersionUID = 1L;

    private UtcZone() {
        super(0, "UTC");
    }

    /** Makes this the default zone if {@code user.timezone} asks for UTC; any other zone is left to the JDK. */
    static void installIfAskedFor() {
        if ("UTC".equals(System.getProperty("user.timezone"))) {
            TimeZone.setDefault(new UtcZone());
        }
    }

    @Override
    public ZoneId toZoneId() {
        return ZoneOffset.UTC;
    }
}
