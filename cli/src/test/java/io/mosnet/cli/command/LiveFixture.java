package io.mosnet.cli.command;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.IpAddresses;
import io.mosnet.api.net.IpNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.net.Neighbour;
import io.mosnet.api.net.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A mocked live network matching {@link FakeDaemon}'s state: eth0 in bridge mos, 10.0.0.5/24, default route. */
final class LiveFixture {

    static final Link LO = new Link(1, "lo", "", MacAddress.ZERO, 65536, true, true, 0);
    static final Link ETH0 = new Link(2, "eth0", "", MacAddress.parse("02:00:00:00:00:02"), 1500, true, true, 3);
    static final Link MOS = new Link(3, "mos", "bridge", MacAddress.parse("02:00:00:00:00:01"), 1500, true, true, 0);

    final List<Link> links = new ArrayList<>(List.of(LO, ETH0, MOS));
    final List<Address> addresses = new ArrayList<>(List.of(
            Address.permanent(1, IpNetwork.parse("127.0.0.1/8")),
            Address.permanent(3, IpNetwork.parse("10.0.0.5/24")),
            new Address(3, IpNetwork.parse("fe80::1/64"), Address.Scope.LINK, Set.of(), Address.FOREVER,
                    Address.FOREVER)));
    final List<Route> routes = new ArrayList<>(List.of(
            Route.defaultVia(IpAddresses.parse("10.0.0.1"), 3, false),
            new Route(IpNetwork.parse("10.0.0.0/24"), null, 3, 0, Route.Scope.LINK, Route.Protocol.KERNEL, false,
                    Route.MAIN_TABLE),
            new Route(IpNetwork.parse("127.0.0.0/8"), null, 1, 0, Route.Scope.HOST, Route.Protocol.KERNEL, false,
                    255)));
    final List<Neighbour> neighbours = List.of(
            new Neighbour(3, IpAddresses.parse("10.0.0.1"), MacAddress.parse("02:00:00:00:00:aa"), "reachable",
                    false),
            new Neighbour(3, IpAddresses.parse("10.0.0.9"), MacAddress.ZERO, "failed", false));

    HostNetwork network() {
        HostNetwork net = mock(HostNetwork.class);
        when(net.links()).thenAnswer(i -> List.copyOf(links));
        when(net.addresses()).thenAnswer(i -> List.copyOf(addresses));
        when(net.routes()).thenAnswer(i -> List.copyOf(routes));
        when(net.neighbours()).thenReturn(neighbours);
        when(net.sysctl(anyString())).thenAnswer(i -> {
            String key = i.getArgument(0);
            return key.contains(".eth0.") && key.endsWith("accept_ra") ? Optional.empty() : Optional.of("1");
        });
        return net;
    }
}
