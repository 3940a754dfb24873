/**
 * The Open vSwitch bridge backend: OVSDB (RFC 7047), OpenFlow 1.3 MAC NAT and the ARP/NDP proxy controller, and
 * the datapath/conntrack views through ovs-vswitchd's unixctl socket. Shipped as a PF4J plugin jar; PF4J loads it
 * as an unnamed module, so META-INF/services mirrors the {@code provides} line below.
 */
module io.mosnet.ovs {
    requires io.mosnet.api;
    requires org.pf4j;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    provides io.mosnet.api.bridge.BridgeBackend with io.mosnet.ovs.OvsBridgeBackend;
}
