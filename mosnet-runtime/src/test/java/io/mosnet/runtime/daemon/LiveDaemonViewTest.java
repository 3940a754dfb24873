package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.BridgeRequest;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.state.BridgePortState;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.ConntrackFlushResult;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.plugin.PluginRegistry;
import io.mosnet.runtime.rpc.RpcException;
import io.mosnet.runtime.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveDaemonViewTest {

    @TempDir
    Path dir;

    private final HostNetwork net = mock(HostNetwork.class);
    private DaemonStatus status;

    /** A backend with canned views, recording what was asked. */
    static final class FakeBackend implements BridgeBackend {
        final String id;
        final Function<String, Map<String, Object>> views;
        final List<String> asked = new ArrayList<>();

        FakeBackend(String id, Function<String, Map<String, Object>> views) {
            this.id = id;
            this.views = views;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BridgeAttachment attach(BridgeRequest request, PluginContext context) {
            throw new AssertionError("not called by views");
        }

        @Override
        public void configureHost(HostSetup setup, PluginContext context) {
            throw new AssertionError("not called by views");
        }

        @Override
        public Map<String, Object> view(String name, Map<String, String> args, PluginContext context) {
            asked.add(name + new java.util.TreeMap<>(args));
            return id.equals("ovs") ? views.apply(name) : BridgeBackend.super.view(name, args, context);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void stateWritten() throws InterruptedException {
        if (status != null) {
            status.flush(); // before @TempDir goes
        }
    }

    private LiveDaemonView view(BridgeBackend backend) {
        MosnetConfig config = MosnetConfig.defaults();
        RuntimeContext ctx = new RuntimeContext(config, net, Clock.systemUTC(), null);
        Plan plan = new Plan(config, List.of(), backend, null, null, null, PluginRegistry.of(List.of(), null));
        status = new DaemonStatus(new StateStore(dir.resolve("state.json")), Clock.systemUTC(), "static",
                "mos", List.of());
        DaemonOptions options = new DaemonOptions(dir.resolve("cmdline"), dir.resolve("mosnet.toml"), false,
                dir.resolve("state.json"), dir.resolve("sock"), dir.resolve("resolv.conf"), null, "unix:/x");
        return new LiveDaemonView(status, ctx, plan, new ConfigLoader.Loaded(config, List.of(), Map.of()), options);
    }

    @Test
    void ovsViewsWithLinuxBackendAreUnavailableAndSayWhy() {
        FakeBackend linux = new FakeBackend("linux", n -> Map.of());
        LiveDaemonView v = view(linux);
        RpcException e = assertThrows(RpcException.class, v::flows);
        assertEquals(RpcException.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("needs the Open vSwitch backend"), e.getMessage());
        assertThrows(RpcException.class, () -> v.conntrack(null, false));
        assertEquals(List.of(), linux.asked, "the backend is not asked at all");
        assertTrue(v.verify().skipped().stream().anyMatch(s -> s.startsWith("OVS flows")));
    }

    @Test
    void ovsViewsGoThroughTheBackendWithTheirArguments() {
        FakeBackend ovs = new FakeBackend("ovs", n -> switch (n) {
            case "ovs" -> OvsRecordsTest.ovsView();
            case "flows" -> OvsRecordsTest.flowsView();
            case "datapath" -> Map.of("flows", List.of());
            default -> Map.of("entries", List.of(), "total", 0L, "protocols", Map.of(), "flushed", true, "zone", 3);
        });
        LiveDaemonView v = view(ovs);
        assertEquals("mos", v.ovs().bridge());
        assertEquals(2, v.flows().size());
        assertEquals(List.of(), v.datapath(true));
        assertEquals(Map.of("total", 0L), v.conntrack(3, true).stats());
        assertEquals(new ConntrackFlushResult(3, -1), v.flushConntrack(3));
        assertEquals(List.of("ovs{}", "flows{}", "datapath{verbose=true}", "conntrack{zone=3}", "conntrack{stats=true}",
                "conntrack{flush=true, zone=3}"), ovs.asked);
    }

    @Test
    void ovsBridgePortsComeFromOvsdbWithLinkStateFromTheKernel() {
        LiveDaemonView v = view(new FakeBackend("ovs", n -> OvsRecordsTest.ovsView()));
        MacAddress mac = MacAddress.parse("02:00:00:00:00:01");
        when(net.link("mos")).thenReturn(Optional.of(new Link(7, "mos", "openvswitch", mac, 1500, true, true, 0)));
        when(net.link("eth0")).thenReturn(Optional.of(new Link(2, "eth0", "veth", mac, 1500, true, true, 0)));
        status.update(s -> s.nic = "eth0");
        BridgeReport r = v.bridge();
        assertEquals("ovs", r.backend());
        assertEquals(List.of(new BridgePortState("eth0", "veth", mac.toString(), true, true, "uplink"),
                new BridgePortState("mos", "internal", mac.toString(), true, true, "host")), r.ports());
    }

    @Test
    void verifyCountsMosnetsFlowsAndReportsNoneAsADifference() {
        VerifyReport present = view(new FakeBackend("ovs", n -> OvsRecordsTest.flowsView())).verify();
        assertEquals(List.of(), present.differences());
        assertTrue(present.checked().contains("OVS flows (1 with mosnet's cookie)"), present.checked().toString());

        VerifyReport none = view(new FakeBackend("ovs", n -> Map.of("mosnet_cookie", OvsRecordsTest.COOKIE,
                "flows", List.of()))).verify();
        assertEquals("ovs-flow", none.differences().get(0).area());
        assertEquals("none", none.differences().get(0).actual());

        VerifyReport down = view(new FakeBackend("ovs", n -> {
            throw new MosnetException("flow stats request on /run/mos.mgmt: Connection refused");
        })).verify();
        assertTrue(down.differences().get(0).actual().contains("Connection refused"), down.toString());
    }
}
