package io.mosnet.runtime.netlink;

import io.mosnet.api.net.Address;
import io.mosnet.api.net.Route;

/** rt_scope_t values (rtnetlink.h) to and from the API enums. */
final class Scopes {

    private Scopes() {
    }

    static Address.Scope addressScope(int scope) {
        return Address.Scope.valueOf(routeScope(scope).name());
    }

    static Route.Scope routeScope(int scope) {
        return switch (scope) {
            case Rtnl.RT_SCOPE_UNIVERSE -> Route.Scope.UNIVERSE;
            case Rtnl.RT_SCOPE_LINK -> Route.Scope.LINK;
            case Rtnl.RT_SCOPE_HOST -> Route.Scope.HOST;
            case Rtnl.RT_SCOPE_NOWHERE -> Route.Scope.NOWHERE;
            // 200 is "site"; user-defined scopes between are closest to it.
            default -> Route.Scope.SITE;
        };
    }

    static int value(Route.Scope scope) {
        return switch (scope) {
            case UNIVERSE -> Rtnl.RT_SCOPE_UNIVERSE;
            case SITE -> Rtnl.RT_SCOPE_SITE;
            case LINK -> Rtnl.RT_SCOPE_LINK;
            case HOST -> Rtnl.RT_SCOPE_HOST;
            case NOWHERE -> Rtnl.RT_SCOPE_NOWHERE;
        };
    }
}
