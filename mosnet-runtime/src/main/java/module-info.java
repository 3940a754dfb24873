/**
 * The mosnet daemon: configuration, plugin discovery (ServiceLoader and PF4J), the rtnetlink implementation of the
 * host-network facade, probing, the state file and the JSON-RPC API.
 */
module io.mosnet.runtime {
    requires transitive io.mosnet.api;
    requires com.sun.jna;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.toml;
    requires org.pf4j;
    requires org.slf4j;
    requires org.tinylog.api;
    requires org.tinylog.impl;
    requires jdk.net;

    exports io.mosnet.runtime.netlink;
    exports io.mosnet.runtime.probe;
    exports io.mosnet.runtime.config;
    exports io.mosnet.runtime.state;
    exports io.mosnet.runtime.dns;
    exports io.mosnet.runtime.rpc;
    // SLF4J instantiates the binding itself when the launcher names it (slf4j.provider).
    exports io.mosnet.runtime.log to org.slf4j;

    uses io.mosnet.api.bridge.BridgeBackend;
    uses io.mosnet.api.firewall.Firewall;
    uses io.mosnet.api.address.AddressSource;
    uses io.mosnet.api.topology.Topology;

    provides org.slf4j.spi.SLF4JServiceProvider with io.mosnet.runtime.log.TinylogBridge;
    // The JDK's System.Logger into mosnet's log; found in the module graph, it also spares the JDK a search of every
    // jar's META-INF/services for one when java.util.logging starts (JNA's loggers).
    provides java.lang.System.LoggerFinder with io.mosnet.runtime.log.SystemLoggerFinder;
    provides io.mosnet.api.topology.Topology with io.mosnet.runtime.topology.SingleTopology,
            io.mosnet.runtime.topology.VlanTopology, io.mosnet.runtime.topology.DualNicTopology;
}
