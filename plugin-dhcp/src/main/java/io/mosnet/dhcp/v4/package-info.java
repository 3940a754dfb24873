/**
 * The DHCPv4 client (RFC 2131) and the multi-NIC probe, behind the {@code dhcpv4} address source.
 *
 * <p>How the runtime drives it, through the API only:
 * <ol>
 *   <li>Find the source by id {@code dhcpv4} and, since it also implements
 *       {@link io.mosnet.api.address.AddressProbe}, call
 *       {@code probe(new ProbeRequest(candidateLinks), context)} before building the bridge. It opens a
 *       {@code DHCPV4_CLIENT} packet channel on every candidate with carrier, sends DHCPDISCOVER on all at once and
 *       returns as soon as the choice is certain (at the latest after {@code mosdhcp_timeout}). The report names the
 *       chosen NIC, carries its offer (a {@code LeaseState} in state {@code OFFERED}) and one outcome per NIC;
 *       {@code silentNics()} are the ones to log by name. All probe channels are closed when it returns.</li>
 *   <li>Bridge the chosen NIC, then call
 *       {@code start(new AddressRequest(bridgeName, chosenLink, report.offer()), listener, context)}: the client
 *       requests exactly that offer on the bridge (no second DISCOVER). After a daemon restart pass the lease from
 *       the state file instead: the client confirms it through INIT-REBOOT and keeps it meanwhile. With
 *       {@code null} it starts at INIT.</li>
 *   <li>The listener hears every bound, renewed or rebound lease and every state change with the same lease
 *       (RENEWING, REBINDING, REBOOTING) through {@code leaseChanged}, and {@code leaseLost} on expiry or DHCPNAK:
 *       only then must the address go.</li>
 *   <li>The session watches the uplink's carrier itself (rtnetlink link events via {@code HostNetwork.subscribe})
 *       and confirms the lease when carrier returns; {@code AddressSession.confirm()} does the same on demand.
 *       {@code close()} stops timers and sockets and leaves the address in place.</li>
 * </ol>
 *
 * <p>Identity: {@code chaddr} and the IAID come from the uplink NIC, the DUID from {@link
 * io.mosnet.dhcp.duid.DuidSource} ({@code /etc/machine-id}, hashed, else DUID-LL).
 */
package io.mosnet.dhcp.v4;
