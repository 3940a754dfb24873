package io.mosnet.ovs.openflow;

import java.util.HexFormat;
import java.util.List;

/**
 * The OpenFlow 1.3 messages mosnet exchanges with Open vSwitch (OpenFlow 1.3.5 section 7). {@link OfCodec} turns
 * them into bytes and back; the transaction id travels beside them in {@link OfFrame}.
 */
public sealed interface OfMessage {

    /** OFPT_HELLO; {@code versionBitmap} is the hello-elem bitmap (bit N = wire version N), 0 when absent. */
    record Hello(int version, long versionBitmap) implements OfMessage {
        /** What mosnet sends: version 4 with a bitmap naming only OpenFlow 1.3. */
        public static Hello openFlow13() {
            return new Hello(OfCodec.VERSION, 1L << OfCodec.VERSION);
        }

        public boolean supports13() {
            return versionBitmap != 0 ? (versionBitmap & (1L << OfCodec.VERSION)) != 0 : version >= OfCodec.VERSION;
        }
    }

    /** OFPT_ERROR (section 7.4.4): type, code and the start of the offending request. */
    record Error(int type, int code, byte[] data) implements OfMessage {
        @Override
        public String toString() {
            return "OFPT_ERROR type " + type + " code " + code + " (" + ErrorNames.of(type, code) + ")";
        }
    }

    record EchoRequest(byte[] data) implements OfMessage {
    }

    record EchoReply(byte[] data) implements OfMessage {
    }

    record FeaturesRequest() implements OfMessage {
    }

    record FeaturesReply(long datapathId, long buffers, int tables, int auxiliaryId, long capabilities)
            implements OfMessage {
    }

    /** OFPT_SET_CONFIG: a service connection (mos.mgmt) only gets packet-ins after a non-zero miss_send_len. */
    record SetConfig(int flags, int missSendLength) implements OfMessage {
    }

    /** OFPT_PACKET_IN (section 7.4.1). */
    record PacketIn(long bufferId, int totalLength, int reason, int tableId, long cookie, Match match, byte[] data)
            implements OfMessage {
        /** The ingress port, from the match's in_port field. */
        public long inPort() {
            if (match.inPort() == null) {
                throw new OpenFlowException("packet-in without an in_port field");
            }
            return match.inPort();
        }
    }

    /** OFPT_PACKET_OUT (section 7.3.7); mosnet always sends unbuffered frames. */
    record PacketOut(long bufferId, long inPort, List<Action> actions, byte[] data) implements OfMessage {
        public PacketOut {
            actions = List.copyOf(actions);
        }

        public static PacketOut of(long outPort, byte[] frame) {
            return new PacketOut(OfCodec.NO_BUFFER, Ports.CONTROLLER, List.of(Action.output(outPort)), frame);
        }
    }

    record FlowMod(long cookie, long cookieMask, int tableId, int command, int idleTimeout, int hardTimeout,
                   int priority, long bufferId, long outPort, long outGroup, int flags, Match match,
                   List<Instruction> instructions) implements OfMessage {

        public static final int ADD = 0;
        public static final int DELETE = 3;
        public static final int DELETE_STRICT = 4;

        public FlowMod {
            instructions = List.copyOf(instructions);
        }

        /** OFPFC_ADD in table 0 applying {@code actions}, as {@code ovs-ofctl add-flow} sends it. */
        public static FlowMod add(long cookie, int priority, Match match, List<Action> actions) {
            return new FlowMod(cookie, 0, 0, ADD, 0, 0, priority, OfCodec.NO_BUFFER, Ports.ANY, Ports.ANY, 0, match,
                    List.of(new Instruction.ApplyActions(actions)));
        }

        /** OFPFC_DELETE_STRICT of the table-0 flow with exactly this priority and match, if its cookie matches. */
        public static FlowMod deleteStrict(long cookie, int priority, Match match) {
            return new FlowMod(cookie, -1L, 0, DELETE_STRICT, 0, 0, priority, OfCodec.NO_BUFFER, Ports.ANY, Ports.ANY,
                    0, match, List.of());
        }

        /** OFPFC_DELETE of every flow in every table whose cookie equals {@code cookie}. */
        public static FlowMod deleteByCookie(long cookie) {
            return new FlowMod(cookie, -1L, 0xff, DELETE, 0, 0, 0x8000, OfCodec.NO_BUFFER, Ports.ANY, Ports.ANY, 0,
                    Match.any(), List.of());
        }
    }

    /** OFPMP_FLOW request (section 7.3.5.2). */
    record FlowStatsRequest(int tableId, long outPort, long outGroup, long cookie, long cookieMask, Match match)
            implements OfMessage {
        /** All flows of all tables. */
        public static FlowStatsRequest all() {
            return new FlowStatsRequest(0xff, Ports.ANY, Ports.ANY, 0, 0, Match.any());
        }
    }

    /** OFPMP_FLOW reply; {@code more} is OFPMPF_REPLY_MORE: further parts follow with the same xid. */
    record FlowStatsReply(boolean more, List<FlowStats> flows) implements OfMessage {
        public FlowStatsReply {
            flows = List.copyOf(flows);
        }
    }

    record BarrierRequest() implements OfMessage {
    }

    record BarrierReply() implements OfMessage {
    }

    /** Any other message: kept so the connection can log and skip it. */
    record Unknown(int version, int type, byte[] body) implements OfMessage {
        @Override
        public String toString() {
            return "OpenFlow message type " + type + " (" + HexFormat.of().formatHex(body) + ")";
        }
    }
}
