package io.mosnet.dhcp.v4;

import io.mosnet.api.net.MacAddress;
import io.mosnet.dhcp.duid.Duid;
import io.mosnet.dhcp.duid.Iaid;
import io.mosnet.dhcp.v4.option.ClientIdentifierOption;
import java.util.HexFormat;

/**
 * Who the client is on the wire: the hardware address for {@code chaddr} and the RFC 4361 client identifier
 * (option 61) built from the interface's IAID and the host's DUID.
 *
 * @param nic      the uplink NIC whose MAC and IAID are used (the bridge inherits its MAC)
 * @param mac      chaddr
 * @param clientId option 61 data
 */
public record ClientIdentity(String nic, MacAddress mac, byte[] clientId) {

    public ClientIdentity {
        clientId = clientId.clone();
    }

    public static ClientIdentity of(String nic, MacAddress mac, Duid duid) {
        return new ClientIdentity(nic, mac,
                ClientIdentifierOption.encode(Iaid.of(mac), duid));
    }

    @Override
    public byte[] clientId() {
        return clientId.clone();
    }

    public String clientIdHex() {
        return HexFormat.of().formatHex(clientId);
    }
}
