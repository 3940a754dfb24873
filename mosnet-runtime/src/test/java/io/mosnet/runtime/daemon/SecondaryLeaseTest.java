package io.mosnet.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.bridge.BridgeAttachment;
import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.bridge.HostSetup;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.LeaseState;
import io.mosnet.api.state.UplinkState;
import io.mosnet.runtime.dns.ResolvConfWriter;
import io.mosnet.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** A dual-nic second uplink's DHCP lease: addresses and specific routes, no default route, no DNS. */
class SecondaryLeaseTest {

    private static final MacAddress MAC = MacAddress.parse("52:54:00:00:00:02");

    @Test
    void keepsSpecificRoutesAndDropsDefaultRoutesAndDns(@TempDir Path dir) throws InterruptedException {
        HostNetwork net = mock(HostNetwork.class);
        when(net.requireLink("mos1")).thenReturn(new Link(9, "mos1", "bridge", MAC, 1500, true, true, 0));
        BridgeBackend backend = mock(BridgeBackend.class);
        RuntimeContext ctx = new RuntimeContext(MosnetConfig.defaults(), net, Clock.systemUTC(), null);
        DaemonStatus status = new DaemonStatus(new StateStore(dir.resolve("state.json")), Clock.systemUTC(), "static",
                "mos", List.of());
        Path resolv = dir.resolve("resolv.conf");
        Link nic = new Link(3, "eth0", "", MAC, 1500, true, true, 9);
        LeaseApplier applier = new LeaseApplier(ctx, backend, new BridgeAttachment("mos1", "mos1", MAC, false), nic,
                status, new ResolvConfWriter(resolv), new UplinkState("mos1", "eth0", "dhcp", 0, false, List.of()));

        applier.prepare();
        verify(net).setSysctl("net/ipv6/conf/mos1/accept_ra_defrtr", "0");
        Instant now = Instant.now();
        applier.leaseChanged(new LeaseState("dhcpv4", "BOUND", "eth0", "10.88.0.120/24", "10.88.0.1", "10.88.0.1",
                List.of("10.88.0.53"), List.of("private.example"), List.of("0.0.0.0/0 via 10.88.0.1",
                "10.99.0.0/16 via 10.88.0.254"), 0, now, now.plusSeconds(60), now.plusSeconds(105),
                now.plusSeconds(120), null));

        ArgumentCaptor<HostSetup> setup = ArgumentCaptor.forClass(HostSetup.class);
        verify(backend, org.mockito.Mockito.times(2)).configureHost(setup.capture(), org.mockito.ArgumentMatchers.eq(ctx));
        HostSetup applied = setup.getAllValues().get(1);
        assertEquals(List.of(IpNetwork.parse("10.88.0.120/24")), applied.addresses());
        assertEquals(List.of(IpNetwork.parse("10.99.0.0/16")), applied.routes().stream().map(Route::destination).toList(),
                "only the specific classless route; option 3 and 0/0 are the primary's business");
        assertFalse(Files.exists(resolv), "a second uplink writes no resolv.conf");

        DaemonState s = status.snapshot();
        assertTrue(s.leases().containsKey("dhcpv4@mos1"), s.leases().toString());
        assertFalse(s.leases().containsKey("dhcpv4"));
        assertTrue(s.dns().isEmpty());
        assertTrue(s.addresses().isEmpty(), "the primary's fields stay the primary's");
        assertEquals(List.of("10.88.0.120/24"), s.uplinks().get(0).addresses());

        applier.leaseLost(new LeaseState("dhcpv4", "EXPIRED", "eth0", "10.88.0.120/24", null, null, null, null, null, 0,
                null, null, null, null, null), "expired");
        assertTrue(status.snapshot().problems().contains("mos1: dhcpv4 lease lost: expired"),
                status.snapshot().problems().toString());
        assertTrue(status.snapshot().uplinks().get(0).addresses().isEmpty());
        status.flush();
    }
}
