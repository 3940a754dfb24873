package io.mosnet.dhcp.duid;

import io.mosnet.api.net.MacAddress;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the host's DUID comes from, for the DHCPv6 CLIENTID and the DHCPv4 RFC 4361 client identifier alike, so
 * both protocols present one DUID as RFC 4361 section 6.1 intends. Injectable so that tests and other init systems
 * can supply their own.
 *
 * <p>The default, {@link #machineId(Path)}, is a DUID-UUID (RFC 6355) derived from {@code /etc/machine-id}: the
 * same on every boot and independent of the NIC. machine-id(5) asks that the ID itself never be sent out, so the
 * UUID is an HMAC-SHA256 of a fixed label keyed by the machine ID (the way systemd derives application-specific
 * IDs). Without a usable machine-id the DUID-LL (RFC 8415 section 11.4) of the uplink is used, stable as long as
 * the NIC is.
 */
@FunctionalInterface
public interface DuidSource {

    /** The DUID for a client whose uplink has this MAC. */
    Duid duid(MacAddress uplinkMac);

    /** Always DUID-LL of the uplink. */
    static DuidSource linkLayer() {
        return Duid::linkLayer;
    }

    /** A fixed DUID. */
    static DuidSource fixed(Duid duid) {
        return mac -> duid;
    }

    /** The ServiceLoader default: {@link #machineId(Path)} of {@code /etc/machine-id}. */
    static DuidSource machineId() {
        return machineId(Path.of("/etc/machine-id"));
    }

    /** A DUID-UUID derived from the machine ID in {@code file}, falling back to DUID-LL. */
    static DuidSource machineId(Path file) {
        return mac -> {
            UUID uuid = MachineIdUuid.read(file);
            return uuid == null ? Duid.linkLayer(mac) : Duid.uuid(uuid);
        };
    }
}
