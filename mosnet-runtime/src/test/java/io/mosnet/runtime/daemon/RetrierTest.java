package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.net.NetworkException;
import io.mosnet.runtime.config.ConfigException;
import io.mosnet.runtime.plugin.PluginException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final List<Duration> slept = new ArrayList<>();
    private final List<String> causes = new ArrayList<>();
    // No jitter: the random source returns the middle of the range.
    private final Retrier retrier = new Retrier(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5),
            slept::add, causes::add);

    @Test
    void retriesTransientFailuresWithExponentialBackoffCappedAt30Seconds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = retrier.run("probe", () -> {
            if (calls.incrementAndGet() < 8) {
                throw new NetworkException("no DHCP offer on eth0 within 10 s", 0);
            }
            return "bound";
        });
        assertEquals("bound", result);
        assertEquals(List.of(1, 2, 4, 8, 16, 30, 30), slept.stream().map(d -> (int) d.toSeconds()).toList());
        assertEquals(7, causes.size());
        assertEquals("no DHCP offer on eth0 within 10 s", causes.get(0));
    }

    @Test
    void fatalFailuresAreThrownAtOnce() {
        ConfigException config = new ConfigException(List.of("mosip4: 'x' is not an IPv4 address"));
        assertSame(config, assertThrows(ConfigException.class, () -> retrier.run("start", () -> {
            throw config;
        })));
        assertThrows(PluginException.class, () -> retrier.run("start", () -> {
            throw new PluginException("mosbridge=ovs: no bridge backend 'ovs' is installed");
        }));
        assertTrue(slept.isEmpty());
    }

    @Test
    void programmingErrorsAreNotRetried() {
        assertThrows(NullPointerException.class, () -> retrier.run("start", () -> {
            throw new NullPointerException();
        }));
        assertTrue(slept.isEmpty());
    }

    @Test
    void jitterStaysWithinAQuarterAndUnderTheCap() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999);
        assertEquals(750, low.delay(1).toMillis());
        assertEquals(1249, high.delay(1).toMillis(), 1);
        assertEquals(30_000, high.delay(10).toMillis());
        assertEquals(22_500, low.delay(10).toMillis());
    }
}
