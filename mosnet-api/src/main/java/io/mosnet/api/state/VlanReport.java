package io.mosnet.api.state;

import java.util.List;

/** VLAN filtering on the bridge, for {@code mosnet vlan}. */
public record VlanReport(boolean filtering, List<VlanMembership> memberships) {

    public VlanReport {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }
}
