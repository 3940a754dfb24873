package io.mosnet.runtime.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UtcZoneTest {

    private TimeZone saved;
    private String savedProperty;

    @BeforeEach
    void save() {
        saved = TimeZone.getDefault();
        savedProperty = System.getProperty("user.timezone");
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(saved);
        System.setProperty("user.timezone", savedProperty);
    }

    @Test
    void utcAsked_isAFixedOffsetThatFormatsAsTheRegionDid() {
        System.setProperty("user.timezone", "UTC");
        UtcZone.installIfAskedFor();

        assertSame(ZoneOffset.UTC, ZoneId.systemDefault());
        assertEquals("UTC", TimeZone.getDefault().getID());
        assertEquals(0, TimeZone.getDefault().getOffset(System.currentTimeMillis()));
        DateTimeFormatter tinylogLike = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .withZone(ZoneId.systemDefault());
        assertEquals("2026-11-25T03:04:05.006+0000", tinylogLike.format(Instant.parse("2026-11-25T03:04:05.006Z")));
    }

    @Test
    void anyOtherZone_isLeftToTheJdk() {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        System.setProperty("user.timezone", "Asia/Tokyo");
        UtcZone.installIfAskedFor();

        assertEquals(ZoneId.of("Asia/Tokyo"), ZoneId.systemDefault());
    }
}
