/**
 * The mosnet SPI: the plugin kinds (bridge backends, firewalls, address sources, topologies), the host-network
 * facade through which plugins change links, addresses, routes and sysctls, and the records for configuration and
 * daemon state. This module has no dependencies: a third-party backend is written against it alone.
 */
module io.mosnet.api {
    exports io.mosnet.api.plugin;
    exports io.mosnet.api.net;
    exports io.mosnet.api.config;
    exports io.mosnet.api.bridge;
    exports io.mosnet.api.firewall;
    exports io.mosnet.api.address;
    exports io.mosnet.api.topology;
    exports io.mosnet.api.state;
}
