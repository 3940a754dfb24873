package io.mosnet.api.state;

import java.util.List;

/**
 * An Open vSwitch port.
 *
 * @param name   port name
 * @param ofport OpenFlow port number, -1 when not assigned
 * @param type   interface type ({@code system}, {@code internal}, {@code patch}, ...)
 * @param tag    access VLAN, or null
 * @param trunks trunked VLANs, empty for all
 */
public record OvsPortState(String name, int ofport, String type, Integer tag, List<Integer> trunks) {

    public OvsPortState {
        trunks = trunks == null ? List.of() : List.copyOf(trunks);
    }
}
