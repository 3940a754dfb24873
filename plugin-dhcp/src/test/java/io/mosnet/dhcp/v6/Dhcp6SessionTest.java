package io.mosnet.dhcp.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.PrefixDelegation;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.NetworkException;
import io.mosnet.api.state.DelegatedPrefix;
import io.mosnet.api.state.LeaseState;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Dhcp6SessionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final Dhcp6Identity ID = Dhcp6Identity.of(Duid.linkLayer(MAC), MAC);

    private final ManualClock clock = new ManualClock(NOW);
    private final HostNetwork network = mock(HostNetwork.class);
    private final List<LeaseState> changed = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private final AddressListener listener = new AddressListener() {
        @Override
        public void leaseChanged(LeaseState lease) {
            changed.add(lease);
        }

        @Override
        public void leaseLost(LeaseState lease, String reason) {
            lost.add(reason);
        }
    };

    private Dhcp6Session session(boolean assign) {
        return new Dhcp6Session("mos", "eth0", ID, assign, network, listener, clock);
    }

    private static Dhcp6Lease lease(String address, String prefix) {
        List<Dhcp6Lease.LeasedAddress> a = address == null ? List.of()
                : List.of(new Dhcp6Lease.LeasedAddress(IpAddresses.parseIpv6(address), NOW.plusSeconds(40),
                NOW.plusSeconds(60)));
        List<Dhcp6Lease.LeasedPrefix> p = prefix == null ? List.of()
                : List.of(new Dhcp6Lease.LeasedPrefix(IpNetwork.parse(prefix), NOW.plusSeconds(400),
                NOW.plusSeconds(600)));
        return new Dhcp6Lease(FakeServer.SERVER_A, IpAddresses.parseIpv6("fe80::1"), null, a, p,
                List.of(IpAddresses.parseIpv6("2001:db8:53::53")), List.of("lab.example"), NOW,
                NOW.plusSeconds(20), NOW.plusSeconds(32), NOW.plusSeconds(600));
    }

    @Test
    void reportsTheLeaseAsDhcpv6State() {
        Dhcp6Session s = session(false);

        s.events().leaseChanged(lease("2001:db8:1::100", null));

        LeaseState st = changed.getLast();
        assertEquals("dhcpv6", st.protocol());
        assertEquals("2001:db8:1::100/128", st.address());
        assertEquals("eth0", st.nic());
        assertEquals(List.of("2001:db8:53::53"), st.dns());
        assertEquals(List.of("lab.example"), st.domains());
        assertEquals(NOW.plusSeconds(20), st.renewAt());
        assertEquals(NOW.plusSeconds(32), st.rebindAt());
        assertEquals(NOW.plusSeconds(600), st.expiresAt());
        assertEquals("00030001525400123456", st.clientId());
        assertEquals(FakeServer.SERVER_A.hex(), st.server());
        assertEquals(st, s.current().orElseThrow());
    }

    @Test
    void reportsDelegatedPrefixesWithoutTouchingTheBridgeByDefault() {
        Dhcp6Session s = session(false);

        s.events().leaseChanged(lease(null, "2001:db8:100::/56"));

        assertNull(changed.getLast().address(), "prefix only: no address");
        assertEquals(List.of(new DelegatedPrefix("2001:db8:100::/56", null, null, NOW.plusSeconds(400),
                NOW.plusSeconds(600))), s.delegatedPrefixes());
        verify(network, never()).replaceAddress(any(), any(), any(), anyLong(), anyLong());
    }

    @Test
    void theRuntimeReadsPrefixesThroughTheApiAlone() {
        io.mosnet.api.address.AddressSession generic = session(false);
        ((Dhcp6Session) generic).events().leaseChanged(lease(null, "2001:db8:100::/56"));

        PrefixDelegation pd = assertInstanceOf(PrefixDelegation.class, generic);
        assertEquals("2001:db8:100::/56", pd.delegatedPrefixes().getFirst().prefix());
    }

    @Test
    void assignsTheFirstSlash64OfTheDelegatedPrefixToTheBridge() {
        Dhcp6Session s = session(true);

        s.events().leaseChanged(lease("2001:db8:1::100", "2001:db8:100::/56"));

        verify(network).replaceAddress("mos", IpNetwork.parse("2001:db8:100::1/64"), Set.of(), 600, 400);
        assertEquals("2001:db8:100::1/64", s.delegatedPrefixes().getFirst().assigned());
    }

    @Test
    void movesTheSlash64WhenTheDelegationChangesAndRemovesItWhenLost() {
        Dhcp6Session s = session(true);
        s.events().leaseChanged(lease(null, "2001:db8:100::/56"));

        s.events().leaseChanged(lease(null, "2001:db8:200::/48"));

        verify(network).deleteAddress("mos", IpNetwork.parse("2001:db8:100::1/64"));
        verify(network).replaceAddress(eq("mos"), eq(IpNetwork.parse("2001:db8:200::1/64")), eq(Set.of()),
                anyLong(), anyLong());

        s.events().leaseLost(lease(null, "2001:db8:200::/48"), "valid lifetime ended");

        verify(network).deleteAddress("mos", IpNetwork.parse("2001:db8:200::1/64"));
        assertEquals(List.of("valid lifetime ended"), lost);
        assertTrue(s.delegatedPrefixes().isEmpty());
        assertTrue(s.current().isEmpty());
    }

    @Test
    void aPrefixLongerThan64IsOnlyReported() {
        Dhcp6Session s = session(true);

        s.events().leaseChanged(lease(null, "2001:db8:100:1:8000::/65"));

        verify(network, never()).replaceAddress(any(), any(), any(), anyLong(), anyLong());
        assertNull(s.delegatedPrefixes().getFirst().assigned());
    }

    @Test
    void aFailedAssignmentDoesNotStopTheLeaseReport() {
        doThrow(new NetworkException("RTM_NEWADDR 2001:db8:100::1/64 dev mos: Permission denied", 1))
                .when(network).replaceAddress(any(), any(), any(), anyLong(), anyLong());
        Dhcp6Session s = session(true);

        s.events().leaseChanged(lease(null, "2001:db8:100::/56"));

        assertEquals(1, changed.size());
        assertNull(s.delegatedPrefixes().getFirst().assigned());
    }

    @Test
    void saysSlaacOnlyAsAStateNotAnError() {
        Dhcp6Session s = session(false);

        s.events().noServer("no DHCPv6 server on mos within 10 s: SLAAC only");

        LeaseState st = changed.getLast();
        assertEquals(Dhcp6Session.SLAAC_ONLY, st.state());
        assertNull(st.address());
        assertTrue(lost.isEmpty());
        assertTrue(s.status().contains("SLAAC only"));
    }

    @Test
    void firstSubnetAddressIsPrefixColonColonOne() {
        assertEquals(IpNetwork.parse("2001:db8:100::1/64"),
                Dhcp6Session.firstSubnetAddress(IpNetwork.parse("2001:db8:100::/56")));
        assertEquals(IpNetwork.parse("2001:db8:1:2::1/64"),
                Dhcp6Session.firstSubnetAddress(IpNetwork.parse("2001:db8:1:2::/64")));
        assertNull(Dhcp6Session.firstSubnetAddress(IpNetwork.parse("2001:db8:1:2::/80")));
    }
}
