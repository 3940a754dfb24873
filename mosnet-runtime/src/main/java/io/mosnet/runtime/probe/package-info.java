/**
 * Static mode's NIC selection: which links may be the uplink ({@link io.mosnet.runtime.probe.CandidateNics}), and
 * probing the gateway by ARP or neighbour solicitation on all of them at once
 * ({@link io.mosnet.runtime.probe.GatewayProbe}), with the frame codecs those probes need.
 */
package io.mosnet.runtime.probe;
