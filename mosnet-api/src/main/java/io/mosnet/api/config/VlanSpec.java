package io.mosnet.api.config;

/**
 * {@code mosvlan=<id>[,<mtu>]}: the tagged VLAN (IEEE 802.1Q) the host's address lives on in the {@code vlan}
 * topology. Hetzner's vSwitch is the reference case: an id in 4000-4091 and an MTU of 1400.
 *
 * @param id  VLAN id, 1-4094 (0 and 4095 are reserved by 802.1Q)
 * @param mtu MTU of the host's interface on the VLAN, 0 to leave it as it is
 */
public record VlanSpec(int id, int mtu) {

    public VlanSpec {
        if (id < 1 || id > 4094) {
            throw new IllegalArgumentException("VLAN id " + id + " is outside 1-4094");
        }
        if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
            throw new IllegalArgumentException("MTU " + mtu + " is outside 68-65535");
        }
    }
}
