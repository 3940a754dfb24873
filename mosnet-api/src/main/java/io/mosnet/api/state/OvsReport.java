package io.mosnet.api.state;

import java.util.List;

/**
 * The Open vSwitch bridge, for {@code mosnet ovs}.
 *
 * @param bridge       bridge name
 * @param version      ovs-vswitchd's version
 * @param datapathType {@code system} or {@code netdev}
 * @param failMode     {@code secure} or {@code standalone}
 * @param controllers  OpenFlow controller targets
 * @param ports        its ports
 */
public record OvsReport(String bridge, String version, String datapathType, String failMode, List<String> controllers,
                        List<OvsPortState> ports) {

    public OvsReport {
        controllers = controllers == null ? List.of() : List.copyOf(controllers);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
