package io.mosnet.rdnss;

import io.mosnet.api.address.AddressListener;
import io.mosnet.api.address.AddressRequest;
import io.mosnet.api.address.AddressSession;
import io.mosnet.api.address.AddressSource;
import io.mosnet.api.net.Link;
import io.mosnet.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS servers and search domains from IPv6 router advertisements (RFC 8106 RDNSS and DNSSL), as the kernel passes
 * them on through rtnetlink (RTM_NEWNDUSEROPT). It adds no addresses: it reports a {@link
 * io.mosnet.api.state.LeaseState} with protocol {@code ra} and state {@code LEARNED} whose {@code dns} and
 * {@code domains} the runtime merges with DHCP's into resolv.conf, and loses it when every entry has expired or
 * been withdrawn.
 *
 * <p>The session listens on {@link AddressRequest#hostInterface()} only, the interface that accepts router
 * advertisements ({@code accept_ra}); {@link AddressRequest#previous()} is not used, because the kernel does not
 * replay advertisements and the routers repeat theirs within their advertising interval.
 */
public final class RdnssSource implements AddressSource {

    private static final Logger LOG = LoggerFactory.getLogger(RdnssSource.class);

    private final RouterDnsStore.Limits limits;

    public RdnssSource() {
        this(RouterDnsStore.Limits.DEFAULT);
    }

    RdnssSource(RouterDnsStore.Limits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return "rdnss";
    }

    @Override
    public String description() {
        return "DNS servers and search domains from IPv6 router advertisements (RFC 8106 RDNSS/DNSSL)";
    }

    @Override
    public AddressSession start(AddressRequest request, AddressListener listener, PluginContext context) {
        Link link = context.network().requireLink(request.hostInterface());
        RouterDnsStore store = new RouterDnsStore(context.clock(), limits, LOG::warn);
        RdnssSession session = new RdnssSession(link.name(), link.index(), listener, context.clock(),
                context.scheduler(), store);
        session.open(context.network());
        return session;
    }
}
