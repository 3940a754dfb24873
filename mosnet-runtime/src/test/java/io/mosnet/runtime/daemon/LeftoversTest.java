package io.mosnet.runtime.daemon;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Route;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.RouteState;
import io.mosnet.api.state.UplinkState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** An earlier run's addresses and routes that this run does not want go; what the state file does not name stays. */
class LeftoversTest {

    private static final Link MOS = new Link(4, "mos", "bridge", MacAddress.parse("52:54:00:00:00:01"), 1500, true,
            true, 0);

    private final HostNetwork network = mock(HostNetwork.class);

    LeftoversTest() {
        when(network.link("mos")).thenReturn(Optional.of(MOS));
        when(network.link("mos1")).thenReturn(Optional.of(new Link(5, "mos1", "bridge", MOS.mac(), 1500, true, true,
                0)));
        when(network.addresses(4)).thenReturn(List.of(address(4, "203.0.113.20/32"), address(4, "10.77.0.10/24"),
                address(4, "192.0.2.7/24")));
        when(network.addresses(5)).thenReturn(List.of(address(5, "10.88.0.5/24")));
        when(network.routes()).thenReturn(List.of(
                new Route(IpNetwork.parse("10.77.0.1/32"), null, 4, 0, Route.Scope.LINK, Route.Protocol.STATIC, false,
                        Route.MAIN_TABLE),
                Route.defaultVia(IpAddresses.parse("10.77.0.1"), 4, false)));
    }

    /** The Hetzner /32 with its host route to the gateway, then mosip4 changed to a plain /24 on the same gateway. */
    private static DaemonState hetzner() {
        return state("static", List.of("203.0.113.20/32", "2001:db8::2/128"),
                List.of(new RouteState("10.77.0.1/32", null, "mos", false),
                        new RouteState("0.0.0.0/0", "10.77.0.1", "mos", false)),
                List.of(new UplinkState("mos1", "eth1", "static", 0, false, List.of("10.88.0.5/24"))));
    }

    @Test
    void removesTheEarlierRunsAddressesAndRoutesThatAreNotWantedNow() {
        List<IpNetwork> wanted = List.of(IpNetwork.parse("10.77.0.10/24"));
        List<Route> routes = List.of(Route.defaultVia(IpAddresses.parse("10.77.0.1"), 4, false));

        Leftovers.remove(network, Optional.of(hetzner()), "mos", "mos", wanted, routes);

        verify(network).deleteAddress("mos", IpNetwork.parse("203.0.113.20/32"));
        verify(network, never()).deleteAddress("mos", IpNetwork.parse("2001:db8::2/128")); // not there any more
        verify(network, never()).deleteAddress("mos", IpNetwork.parse("192.0.2.7/24")); // added by hand
        verify(network, never()).deleteAddress("mos", IpNetwork.parse("10.77.0.10/24"));
        ArgumentCaptor<Route> deleted = ArgumentCaptor.forClass(Route.class);
        verify(network).deleteRoute(deleted.capture());
        org.junit.jupiter.api.Assertions.assertEquals(IpNetwork.parse("10.77.0.1/32"), deleted.getValue().destination(),
                "the host route to the gateway, not the default route that is still wanted");
    }

    @Test
    void keepsEveryRouteWhenAskedAndLeavesOtherInterfacesAlone() {
        Leftovers.remove(network, Optional.of(hetzner()), "mos", "mos", List.of(), null);
        verify(network).deleteAddress("mos", IpNetwork.parse("203.0.113.20/32"));
        verify(network, never()).deleteRoute(any());

        // The earlier run's host interface was another: nothing it recorded is this one's, though it is there.
        when(network.link("mos.4000")).thenReturn(Optional.of(new Link(6, "mos.4000", "vlan", MOS.mac(), 1500, true,
                true, 0)));
        when(network.addresses(6)).thenReturn(List.of(address(6, "203.0.113.20/32")));
        Leftovers.remove(network, Optional.of(hetzner()), "mos", "mos.4000", List.of(), List.of());
        verify(network, never()).deleteAddress(org.mockito.ArgumentMatchers.eq("mos.4000"), any());
    }

    @Test
    void aSecondUplinksAddressesComeFromItsOwnEntry() {
        Leftovers.remove(network, Optional.of(hetzner()), "mos1", "mos1", List.of(), List.of());
        verify(network).deleteAddress("mos1", IpNetwork.parse("10.88.0.5/24"));
        verify(network, never()).deleteAddress(org.mockito.ArgumentMatchers.eq("mos"), any());
    }

    @Test
    void withoutAnEarlierStateNothingIsTouched() {
        Leftovers.remove(network, Optional.empty(), "mos", "mos", List.of(), List.of());
        verify(network, never()).deleteAddress(anyString(), any());
        verify(network, never()).deleteRoute(any());
    }

    private static Address address(int link, String network) {
        return new Address(link, IpNetwork.parse(network), Address.Scope.UNIVERSE, Set.of(), Address.FOREVER,
                Address.FOREVER);
    }

    private static DaemonState state(String mode, List<String> addresses, List<RouteState> routes,
                                     List<UplinkState> uplinks) {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        return new DaemonState(DaemonState.SCHEMA_VERSION, mode, "running", "eth0", "mos", "mos", "linux", addresses,
                routes, List.of(), List.of(), Map.of(), List.of(), null, null, List.of(), List.of(), Map.of(), t, t,
                "single", uplinks);
    }
}
