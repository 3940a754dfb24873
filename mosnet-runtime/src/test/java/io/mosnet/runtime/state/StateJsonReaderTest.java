package io.mosnet.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.PluginInfo;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.rpc.PlainJson;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state read without Jackson must be what Jackson, which wrote and read it before, makes of the same bytes. */
class StateJsonReaderTest {

    private static final ObjectMapper JACKSON = StateJson.mapper();

    /** Every kind of value the state holds, free-form maps with every kind of JSON value Jackson gives back. */
    static DaemonState full() {
        Instant t = Instant.parse("2026-01-02T03:04:05.600Z");
        Map<String, Object> firewall = new LinkedHashMap<>();
        firewall.put("policy", "drop");
        firewall.put("ports", List.of("22/tcp", "53/udp"));
        firewall.put("limits", Arrays.asList(1, 5_000_000_000L, new BigInteger("1180591620717411303424"), 2.5,
                -0.001, 1.0E300, true, false, null));
        firewall.put("nothing", null);
        firewall.put("nested", Map.of("deeper", Map.of("list", List.of(List.of(), Map.of())), "n", -7));
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("ovs_version", "3.1.0");
        backend.put("bridges", List.of(Map.of("name", "mos", "ports", List.of("eth0", "vnet0"))));
        backend.put("note", "tab\there, newline\nthere, bell\u0007, é, ✓ and \uD83D\uDE00");
        backend.put("max", Long.MAX_VALUE);
        backend.put("min", Integer.MIN_VALUE);
        LeaseState v4 = new LeaseState("dhcpv4", "BOUND", "eth0", "10.0.0.5/24", "10.0.0.1", "10.0.0.1",
                List.of("10.0.0.1", "10.0.0.2"), List.of("lab"), List.of("10.9.0.0/16 via 10.0.0.254"), 1500, t,
                t.plusSeconds(1800), t.plusSeconds(3150), t.plusSeconds(3600), "01aabbccddeeff");
        LeaseState v6 = new LeaseState("dhcpv6", "REBINDING", "eth0", "2001:db8::5/128", null, "fe80::1", List.of(),
                List.of(), List.of(), 0, t.minusNanos(1), t.plusSeconds(3600), Instant.EPOCH, t.plusSeconds(7200),
                null);
        return new DaemonState(DaemonState.SCHEMA_VERSION, "dhcp", "running", "eth0", "mos", "mos", "ovs",
                List.of("10.0.0.5/24", "2001:db8::5/128"),
                List.of(new RouteState("0.0.0.0/0", "10.0.0.1", "mos", false),
                        new RouteState("10.9.0.0/16", null, "mos", true)),
                List.of("10.0.0.1"), List.of("lab", "example.org"), Map.of("dhcpv6", v6, "dhcpv4", v4),
                List.of("2001:db8:1::/56"), firewall, Map.of("masquerade", "mos", "forwards", List.of()),
                List.of(new PluginInfo("ovs", "bridge", "0.1.0", "plugins/plugin-ovs.jar"),
                        new PluginInfo("nftables", "firewall", "0.1.0", "builtin")),
                List.of("no carrier on uplink eth1"), backend, t, t.plusSeconds(1), "dual-nic",
                List.of(new UplinkState("mos", "eth0", "dhcp", 0, true, List.of("10.0.0.5/24")),
                        new UplinkState("mos1", "eth1", "static", 42, false, List.of())));
    }

    private static DaemonState read(String json) throws Exception {
        return StateJsonReader.read((Map<?, ?>) PlainJson.parse(json));
    }

    /** JSON written with single quotes for legibility. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Both read {@code json} to equal states, or both refuse it; returns the state or null. */
    private static DaemonState assertAgreesWithJackson(String json) {
        DaemonState jackson;
        try {
            jackson = JACKSON.readValue(json, DaemonState.class);
        } catch (Exception e) {
            jackson = null;
        }
        DaemonState ours;
        try {
            ours = read(json);
        } catch (InvalidStateException e) {
            if (jackson != null) {
                fail("Jackson reads what the reader refuses (" + e.getMessage() + "): " + json);
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError("not an InvalidStateException for " + json, e);
        }
        if (jackson == null) {
            fail("the reader reads what Jackson refuses: " + json);
        }
        assertEquals(jackson, ours, json);
        return ours;
    }

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        DaemonState full = full();
        assertEquals(full, read(StateJsonWriter.write(full)));
        assertEquals(StateStoreTest.sample(), read(StateJsonWriter.write(StateStoreTest.sample())));
    }

    @Test
    void readsTheWritersBytesAsJacksonDoes() {
        DaemonState full = full();
        DaemonState read = assertAgreesWithJackson(StateJsonWriter.write(full));
        assertEquals(full, read);
        assertAgreesWithJackson(StateJsonWriter.write(StateStoreTest.sample()));
        assertAgreesWithJackson(StateJsonWriter.write(new DaemonState(DaemonState.SCHEMA_VERSION, "static",
                "starting", null, "mos", null, null, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(),
                null, null, List.of(), List.of(), Map.of(), Instant.parse("2026-11-24T23:27:03.950030774Z"), null,
                null, List.of())));
    }

    @Test
    void givesFreeFormValuesTheTypesJacksonGives() throws Exception {
        Map<String, Object> fw = read(json("{'schemaVersion':1,'firewall':{'i':2147483647,'l':2147483648,"
                + "'b':9223372036854775808,'neg':-9223372036854775808,'d':1,'e':1e2,'f':0.5,'t':true,'n':null,"
                + "'o':{'z':1,'a':2},'a':[1,'x',[]]}}")).firewall();
        assertEquals(Integer.valueOf(Integer.MAX_VALUE), fw.get("i"));
        assertEquals(Long.valueOf(2147483648L), fw.get("l"));
        assertEquals(new BigInteger("9223372036854775808"), fw.get("b"));
        assertEquals(Long.valueOf(Long.MIN_VALUE), fw.get("neg"));
        assertEquals(Integer.valueOf(1), fw.get("d"));
        assertEquals(Double.valueOf(100.0), fw.get("e"));
        assertEquals(Double.valueOf(0.5), fw.get("f"));
        assertEquals(Boolean.TRUE, fw.get("t"));
        assertTrue(fw.containsKey("n"));
        assertNull(fw.get("n"));
        assertInstanceOf(LinkedHashMap.class, fw.get("o"));
        assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) fw.get("o")).keySet()));
        assertInstanceOf(ArrayList.class, fw.get("a"));
        assertEquals(List.of("i", "l", "b", "neg", "d", "e", "f", "t", "n", "o", "a"), new ArrayList<>(fw.keySet()));
    }

    @Test
    void agreesWithJacksonOnHandEditedAndOlderFiles() {
        List<String> files = List.of(
                "{'schemaVersion':1}",
                "{'schemaVersion':1,'mode':'static','future':[1,{'x':null}],'leases':{'eth0':{'mtu':9000,'new':1}}}",
                "{'schemaVersion':1,'leases':{'b':{'protocol':'dhcpv6'},'a':{'protocol':'dhcpv4'}}}",
                "{'schemaVersion':1,'mode':null,'routes':null,'leases':null,'firewall':null,'backendInfo':null,"
                        + "'startedAt':null,'uplinks':null,'plugins':null}",
                "{'schemaVersion':1,'routes':[{'destination':'0.0.0.0/0'}],'uplinks':[{}],'plugins':[{'id':'x'}]}",
                "{'schemaVersion':1,'startedAt':1700000000,'updatedAt':1700000000.123456789}",
                "{'schemaVersion':1,'startedAt':-1,'updatedAt':0}",
                "{'schemaVersion':1,'startedAt':1.7e9,'updatedAt':12.5e-1}",
                "{'schemaVersion':1,'startedAt':'2026-03-01T10:00:00Z','updatedAt':'2026-03-01T10:00:00.5+01:00'}",
                "{'schemaVersion':1,'startedAt':'  2026-03-01T10:00:00Z ','updatedAt':''}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':'1500','obtainedAt':1,'renewAt':' 1800 '}}}",
                "{'schemaVersion':1,'leases':{'a':{'obtainedAt':'\\t-1800','renewAt':'.5','rebindAt':'5.',"
                        + "'expiresAt':'00012'}}}",
                "{'schemaVersion':1,'leases':{'a':{'obtainedAt':'2026-03-01T10:00:00.Z','renewAt':"
                        + "'2026-03-01t10:00:00z','rebindAt':'2026-03-01T24:00:00Z','expiresAt':"
                        + "'2026-03-01T10:00:00+00:00:30'}},'startedAt':'2026-03-01T10:00:00-00:00'}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':1500.9}},'uplinks':[{'vlan':-3.7}]}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':''}},'uplinks':[{'vlan':'null','defaultRoute':'null'}]}",
                "{'schemaVersion':1,'leases':{'a':{'mtu':'+5'},'b':{'mtu':' -7 '},'c':{'mtu':'0000000000012'}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':null}},'uplinks':[{'vlan':null,'defaultRoute':null}]}",
                "{'schemaVersion':1,'routes':[{'onlink':1},{'onlink':0},{'onlink':'TRUE'},{'onlink':'False'},"
                        + "{'onlink':''},{'onlink':' true '},{'onlink':12345678901234567890}]}",
                "{'schemaVersion':1,'mode':5,'phase':1.50e3,'nic':true,'dns':[1,false,'x'],'topology':-0}",
                "{'schemaVersion':1,'mode':'a','mode':'b','firewall':{'k':1,'k':2}}",
                "{'schemaVersion':1,'firewall':{},'nat':{'a':[]},'backendInfo':{'x':{'y':null}}}");
        for (String file : files) {
            assertTrue(assertAgreesWithJackson(json(file)) != null, file);
        }
    }

    @Test
    void refusesWhatJacksonRefuses() {
        List<String> files = List.of(
                "{'schemaVersion':1,'routes':'x'}",
                "{'schemaVersion':1,'routes':{}}",
                "{'schemaVersion':1,'routes':['0.0.0.0/0']}",
                "{'schemaVersion':1,'routes':[null]}",
                "{'schemaVersion':1,'addresses':[null]}",
                "{'schemaVersion':1,'addresses':[{}]}",
                "{'schemaVersion':1,'addresses':''}",
                "{'schemaVersion':1,'leases':{'eth0':null}}",
                "{'schemaVersion':1,'leases':{'eth0':'x'}}",
                "{'schemaVersion':1,'leases':[]}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':'abc'}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':3000000000}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':3e9}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':true}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':[]}}}",
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':'1.5'}}}",
                "{'schemaVersion':1,'routes':[{'onlink':'yes'}]}",
                "{'schemaVersion':1,'routes':[{'onlink':1.5}]}",
                "{'schemaVersion':1,'routes':[{'onlink':{}}]}",
                "{'schemaVersion':1,'mode':{}}",
                "{'schemaVersion':1,'mode':['x']}",
                "{'schemaVersion':1,'startedAt':'yesterday'}",
                "{'schemaVersion':1,'startedAt':'+1800'}",
                "{'schemaVersion':1,'startedAt':'1.2.3'}",
                "{'schemaVersion':1,'startedAt':'1e3'}",
                "{'schemaVersion':1,'startedAt':'-'}",
                "{'schemaVersion':1,'startedAt':'.'}",
                "{'schemaVersion':1,'startedAt':'\u00a01800'}",
                "{'schemaVersion':1,'startedAt':'99999999999999999999'}",
                "{'schemaVersion':1,'startedAt':'2026-03-01T10:00:00+0100'}",
                "{'schemaVersion':1,'startedAt':'2026-03-01T10:00:00'}",
                "{'schemaVersion':1,'startedAt':true}",
                "{'schemaVersion':1,'startedAt':{}}",
                "{'schemaVersion':1,'startedAt':99999999999999999999}",
                "{'schemaVersion':1,'firewall':'x'}",
                "{'schemaVersion':1,'firewall':[]}",
                "{'schemaVersion':1,'firewall':5}",
                "{'schemaVersion':1,'backendInfo':{'a':null}}",
                "{'schemaVersion':1,'uplinks':[{'addresses':[null]}]}",
                "{'schemaVersion':1,'leases':{'eth0':{'dns':[null]}}}");
        for (String file : files) {
            assertNull(assertAgreesWithJackson(json(file)), file);
        }
    }

    /** Each member of the writer's document, in turn, replaced by each kind of value: never a difference. */
    @Test
    void agreesWithJacksonWhateverStandsInAnyPlace() throws Exception {
        Map<?, ?> document = (Map<?, ?>) PlainJson.parse(StateJsonWriter.write(full()));
        List<Object> strangers = Arrays.asList("x", "", " 7 ", "true", "2026-03-01T10:00:00Z", 7, -1, 1.5, 3e10,
                true, false, null, List.of(), Arrays.asList((Object) null), List.of("x"), Map.of(),
                Map.of("a", "b"));
        int checked = 0;
        for (List<Object> path : paths(document, new ArrayList<>())) {
            for (Object stranger : strangers) {
                assertAgreesWithJackson(replaced(document, path, stranger));
                checked++;
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    /**
     * Where the reader and Jackson part on purpose: Jackson adds a negative number's fraction the wrong way
     * ({@code -1.5} gives -0.5 s, jackson-datatype-jsr310 issues 69 and 120) and turns an exponent beyond 63 into the
     * epoch. mosnet never writes numbers there; a hand-edited one is read as the number it says or refused.
     */
    @Test
    void readsEpochSecondsAsTheNumberSays() throws Exception {
        DaemonState s = read(json("{'schemaVersion':1,'startedAt':-1.5,'updatedAt':-0.25}"));
        assertEquals(Instant.ofEpochMilli(-1500), s.startedAt());
        assertEquals(Instant.ofEpochMilli(-250), s.updatedAt());
        assertEquals(Instant.ofEpochMilli(-500), JACKSON.readValue(json("{'startedAt':-1.5}"), DaemonState.class)
                .startedAt());
        assertEquals(Instant.EPOCH, JACKSON.readValue(json("{'startedAt':1e99}"), DaemonState.class).startedAt());
        assertTrue(refusal("{'schemaVersion':1,'startedAt':1e99}").startsWith("startedAt: expected epoch seconds"));
    }

    @Test
    void namesTheFieldPathAndWhatWasExpected() {
        assertEquals("leases.eth0.mtu: expected an integer, got \"abc\"", refusal(
                "{'schemaVersion':1,'leases':{'eth0':{'mtu':'abc'}}}"));
        assertEquals("routes: expected an array, got \"x\"", refusal("{'schemaVersion':1,'routes':'x'}"));
        assertEquals("routes[1]: expected an object, got \"0.0.0.0/0\"", refusal(
                "{'schemaVersion':1,'routes':[{},'0.0.0.0/0']}"));
        assertEquals("uplinks[0].vlan: expected an integer that fits in 32 bits, got 3000000000", refusal(
                "{'schemaVersion':1,'uplinks':[{'vlan':3000000000}]}"));
        assertEquals("routes[0].onlink: expected true or false, got \"yes\"", refusal(
                "{'schemaVersion':1,'routes':[{'onlink':'yes'}]}"));
        assertEquals("startedAt: expected an ISO-8601 instant, got an object", refusal(
                "{'schemaVersion':1,'startedAt':{}}"));
        assertEquals("firewall: expected an object, got an array", refusal("{'schemaVersion':1,'firewall':[]}"));
        assertEquals("mode: expected a string, got an array", refusal("{'schemaVersion':1,'mode':[]}"));
        assertEquals("leases.eth0.dns: expected an array, got 5", refusal(
                "{'schemaVersion':1,'leases':{'eth0':{'dns':5}}}"));
        assertTrue(refusal("{'schemaVersion':1,'backendInfo':{'a':null}}")
                .startsWith("DaemonState refused its values: "));
        assertTrue(refusal("{'schemaVersion':1,'leases':{'eth0':{'dns':[null]}}}")
                .startsWith("leases.eth0: LeaseState refused its values: "));
        String longText = "x".repeat(10_000);
        assertEquals("nic: expected a string, got an object", refusal("{'schemaVersion':1,'nic':{'" + longText
                + "':1}}"));
        assertTrue(refusal("{'schemaVersion':1,'mtu':1,'leases':{'a':{'mtu':'" + longText + "'}}}").length() < 100);
    }

    @Test
    void refusesHugeNumbersWithoutParsingThem() {
        String digits = "9".repeat(1_000_000);
        assertTrue(refusal("{'schemaVersion':1,'backendInfo':{'n':" + digits + "}}")
                .startsWith("backendInfo.n: number of 1000000 characters"));
        assertTrue(refusal("{'schemaVersion':1,'startedAt':1e999999999}").startsWith("startedAt: expected epoch"));
        assertTrue(refusal("{'schemaVersion':1,'updatedAt':-1e999999999}").startsWith("updatedAt: expected epoch"));
        assertTrue(refusal("{'schemaVersion':1,'uplinks':[{'vlan':1e999999999}]}").startsWith("uplinks[0].vlan"));
        assertTrue(refusal("{'schemaVersion':1,'routes':[{'onlink':" + digits + "}]}").startsWith("routes[0]"));
    }

    private static String refusal(String singleQuoted) {
        return assertThrows(InvalidStateException.class, () -> read(json(singleQuoted))).getMessage();
    }

    /** The path (names and indexes) of every value below {@code node}, containers included. */
    private static List<List<Object>> paths(Object node, List<Object> at) {
        List<List<Object>> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> p = new ArrayList<>(at);
                p.add(e.getKey());
                out.add(p);
                out.addAll(paths(e.getValue(), p));
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                out.addAll(paths(l.get(i), p));
            }
        }
        return out;
    }

    /** The document as JSON text with the value at {@code path} replaced. */
    private static String replaced(Object node, List<Object> path, Object value) throws Exception {
        return JACKSON.writeValueAsString(replace(node, path, 0, value));
    }

    private static Object replace(Object node, List<Object> path, int depth, Object value) {
        if (depth == path.size()) {
            return value;
        }
        Object key = path.get(depth);
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>(m);
            copy.put(key, replace(m.get(key), path, depth + 1, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        copy.set((Integer) key, replace(copy.get((Integer) key), path, depth + 1, value));
        return copy;
    }
}
