package io.mosnet.api.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records that write out equals and hashCode (to spare the daemon's start the ObjectMethods bootstrap) keep a
 * record's contract: equal exactly when every component is, equal ones hash alike. Each component is changed in turn.
 */
class WrittenOutEqualsTest {

    static final Instant T = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void routeState() throws Exception {
        check(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false));
        check(new RouteState("10.0.0.0/24", null, "mos", true));
    }

    @Test
    void uplinkState() throws Exception {
        check(new UplinkState("mos1", "eth1", "static", 4000, true, List.of("10.0.0.5/24")));
        check(new UplinkState("mos", null, "dhcp", 0, false, List.of()));
    }

    @Test
    void leaseState() throws Exception {
        check(new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1", List.of("10.0.0.1"),
                List.of("lab"), List.of("10.9.0.0/16 via 10.0.0.254"), 1500, T, T.plusSeconds(1), T.plusSeconds(2),
                T.plusSeconds(3), "01:02"));
        check(new LeaseState("dhcpv6", "BOUND", "eth0", "2001:db8::5/128", null, "fe80::1", List.of(), List.of(),
                List.of(), 0, T, null, null, T, null));
    }

    private static void check(Record sample) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(sample);
            types[i] = components[i].getType();
        }
        Constructor<?> canonical = sample.getClass().getDeclaredConstructor(types);
        Object twin = canonical.newInstance(values.clone());
        assertEquals(sample, twin);
        assertEquals(sample.hashCode(), twin.hashCode());
        assertNotEquals(sample, null);
        assertNotEquals(sample, "not a " + sample.getClass().getSimpleName());
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(values[i], types[i]);
            assertNotEquals(sample, canonical.newInstance(changed), components[i].getName() + " is compared");
            assertNotEquals(canonical.newInstance(changed), sample, components[i].getName() + " is compared");
        }
    }

    private static Object other(Object value, Class<?> type) {
        if (type == int.class) {
            return (Integer) value + 1;
        } else if (type == boolean.class) {
            return !(Boolean) value;
        } else if (type == String.class) {
            return value == null ? "set" : value + "'";
        } else if (type == Instant.class) {
            return value == null ? T : ((Instant) value).plusNanos(1);
        } else if (type == List.class) {
            return ((List<?>) value).isEmpty() ? List.of("added") : List.of();
        }
        throw new IllegalArgumentException("no other value for " + type);
    }
}
