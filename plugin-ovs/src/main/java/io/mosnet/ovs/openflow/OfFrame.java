package io.mosnet.ovs.openflow;

/** One message as it travels: the wire version, the transaction id and the message. */
public record OfFrame(int version, long xid, OfMessage message) {
}
