/** The Linux bridge backend: bridge {@code mos} over rtnetlink, through the runtime's host-network facade. */
module io.mosnet.linuxbridge {
    requires io.mosnet.api;
    requires org.slf4j;

    provides io.mosnet.api.bridge.BridgeBackend with io.mosnet.linuxbridge.LinuxBridgeBackend;
}
