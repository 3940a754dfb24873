package io.mosnet.ovs.openflow;

import io.mosnet.ovs.openflow.OfMessage.BarrierReply;
import io.mosnet.ovs.openflow.OfMessage.BarrierRequest;
import io.mosnet.ovs.openflow.OfMessage.EchoReply;
import io.mosnet.ovs.openflow.OfMessage.EchoRequest;
import io.mosnet.ovs.openflow.OfMessage.FeaturesReply;
import io.mosnet.ovs.openflow.OfMessage.FeaturesRequest;
import io.mosnet.ovs.openflow.OfMessage.FlowMod;
import io.mosnet.ovs.openflow.OfMessage.FlowStatsReply;
import io.mosnet.ovs.openflow.OfMessage.FlowStatsRequest;
import io.mosnet.ovs.openflow.OfMessage.Hello;
import io.mosnet.ovs.openflow.OfMessage.PacketIn;
import io.mosnet.ovs.openflow.OfMessage.PacketOut;
import io.mosnet.ovs.openflow.OfMessage.SetConfig;
import io.mosnet.ovs.openflow.OfMessage.Unknown;
import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes OpenFlow 1.3 messages (wire version 4). Decoding throws only {@link OpenFlowException}. */
public final class OfCodec {

    public static final int VERSION = 4;
    public static final int HEADER_LENGTH = 8;
    public static final long NO_BUFFER = 0xffffffffL;

    static final int HELLO = 0;
    static final int ERROR = 1;
    static final int ECHO_REQUEST = 2;
    static final int ECHO_REPLY = 3;
    static final int FEATURES_REQUEST = 5;
    static final int FEATURES_REPLY = 6;
    static final int SET_CONFIG = 9;
    static final int PACKET_IN = 10;
    static final int PACKET_OUT = 13;
    static final int FLOW_MOD = 14;
    static final int MULTIPART_REQUEST = 18;
    static final int MULTIPART_REPLY = 19;
    static final int BARRIER_REQUEST = 20;
    static final int BARRIER_REPLY = 21;
    static final int MULTIPART_FLOW = 1;

    private OfCodec() {
    }

    public static byte[] encode(OfMessage message, long xid) {
        WireWriter body = new WireWriter();
        int type = switch (message) {
            case Hello h -> {
                if (h.versionBitmap() != 0) {
                    // One OFPHET_VERSIONBITMAP element with a single 32-bit bitmap (section 7.5.1).
                    body.u16(1).u16(8).u32(h.versionBitmap());
                }
                yield HELLO;
            }
            case OfMessage.Error e -> {
                body.u16(e.type()).u16(e.code()).bytes(e.data());
                yield ERROR;
            }
            case EchoRequest e -> {
                body.bytes(e.data());
                yield ECHO_REQUEST;
            }
            case EchoReply e -> {
                body.bytes(e.data());
                yield ECHO_REPLY;
            }
            case FeaturesRequest f -> FEATURES_REQUEST;
            case FeaturesReply f -> {
                body.u64(f.datapathId()).u32(f.buffers()).u8(f.tables()).u8(f.auxiliaryId()).zeros(2)
                        .u32(f.capabilities()).u32(0);
                yield FEATURES_REPLY;
            }
            case SetConfig c -> {
                body.u16(c.flags()).u16(c.missSendLength());
                yield SET_CONFIG;
            }
            case PacketIn p -> {
                body.u32(p.bufferId()).u16(p.totalLength()).u8(p.reason()).u8(p.tableId()).u64(p.cookie());
                p.match().encode(body);
                body.zeros(2).bytes(p.data());
                yield PACKET_IN;
            }
            case PacketOut p -> {
                WireWriter actions = new WireWriter();
                Action.encodeAll(p.actions(), actions);
                body.u32(p.bufferId()).u32(p.inPort()).u16(actions.size()).zeros(6).bytes(actions.toByteArray())
                        .bytes(p.data());
                yield PACKET_OUT;
            }
            case FlowMod f -> {
                body.u64(f.cookie()).u64(f.cookieMask()).u8(f.tableId()).u8(f.command()).u16(f.idleTimeout())
                        .u16(f.hardTimeout()).u16(f.priority()).u32(f.bufferId()).u32(f.outPort()).u32(f.outGroup())
                        .u16(f.flags()).zeros(2);
                f.match().encode(body);
                Instruction.encodeAll(f.instructions(), body);
                yield FLOW_MOD;
            }
            case FlowStatsRequest r -> {
                body.u16(MULTIPART_FLOW).u16(0).zeros(4);
                body.u8(r.tableId()).zeros(3).u32(r.outPort()).u32(r.outGroup()).zeros(4).u64(r.cookie())
                        .u64(r.cookieMask());
                r.match().encode(body);
                yield MULTIPART_REQUEST;
            }
            case FlowStatsReply r -> {
                body.u16(MULTIPART_FLOW).u16(r.more() ? 1 : 0).zeros(4);
                for (FlowStats s : r.flows()) {
                    WireWriter e = new WireWriter();
                    e.u8(s.tableId()).zeros(1).u32(s.durationSeconds()).u32(s.durationNanos()).u16(s.priority())
                            .u16(s.idleTimeout()).u16(s.hardTimeout()).u16(s.flags()).zeros(4).u64(s.cookie())
                            .u64(s.packets()).u64(s.bytes());
                    s.match().encode(e);
                    Instruction.encodeAll(s.instructions(), e);
                    body.u16(2 + e.size()).bytes(e.toByteArray());
                }
                yield MULTIPART_REPLY;
            }
            case BarrierRequest b -> BARRIER_REQUEST;
            case BarrierReply b -> BARRIER_REPLY;
            case Unknown u -> {
                body.bytes(u.body());
                yield u.type();
            }
        };
        int version = message instanceof Hello h ? h.version() : message instanceof Unknown u ? u.version() : VERSION;
        int length = HEADER_LENGTH + body.size();
        if (length > 0xffff) {
            throw new OpenFlowException("OpenFlow message of " + length + " bytes exceeds the 65535-byte limit");
        }
        return new WireWriter().u8(version).u8(type).u16(length).u32(xid).bytes(body.toByteArray()).toByteArray();
    }

    /** The total length announced by a message header (at least its first 4 bytes must be given). */
    public static int announcedLength(byte[] header) {
        WireReader r = new WireReader(header);
        r.skip(2, "version and type");
        return r.u16("length");
    }

    /** Decodes exactly one whole message. */
    public static OfFrame decode(byte[] message) {
        WireReader r = new WireReader(message);
        int version = r.u8("version");
        int type = r.u8("type");
        int length = r.u16("length");
        long xid = r.u32("xid");
        if (length != message.length) {
            throw new OpenFlowException("OpenFlow header says " + length + " bytes but the message has "
                    + message.length);
        }
        if (type == HELLO) {
            return new OfFrame(version, xid, decodeHello(version, r));
        }
        if (version != VERSION) {
            return new OfFrame(version, xid, new Unknown(version, type, r.bytes(r.remaining(), "body")));
        }
        OfMessage m = switch (type) {
            case ERROR -> new OfMessage.Error(r.u16("error type"), r.u16("error code"),
                    r.bytes(r.remaining(), "error data"));
            case ECHO_REQUEST -> new EchoRequest(r.bytes(r.remaining(), "echo data"));
            case ECHO_REPLY -> new EchoReply(r.bytes(r.remaining(), "echo data"));
            case FEATURES_REQUEST -> new FeaturesRequest();
            case FEATURES_REPLY -> decodeFeatures(r);
            case SET_CONFIG -> new SetConfig(r.u16("config flags"), r.u16("miss_send_len"));
            case PACKET_IN -> decodePacketIn(r);
            case PACKET_OUT -> decodePacketOut(r);
            case FLOW_MOD -> decodeFlowMod(r);
            case MULTIPART_REQUEST -> decodeMultipartRequest(r, type);
            case MULTIPART_REPLY -> decodeMultipartReply(r, type);
            case BARRIER_REQUEST -> new BarrierRequest();
            case BARRIER_REPLY -> new BarrierReply();
            default -> new Unknown(version, type, r.bytes(r.remaining(), "body"));
        };
        return new OfFrame(version, xid, m);
    }

    private static Hello decodeHello(int version, WireReader r) {
        long bitmap = 0;
        // Hello elements (section 7.5.1): skip unknown ones, take the first bitmap word of a version bitmap.
        while (r.remaining() >= 4) {
            int type = r.u16("hello element type");
            int len = r.u16("hello element length");
            if (len < 4) {
                throw new OpenFlowException("hello element length " + len + " is shorter than its header");
            }
            WireReader e = r.slice(len - 4, "hello element");
            if (type == 1 && e.remaining() >= 4) {
                bitmap = e.u32("version bitmap");
            }
            r.skip(Math.min(r.remaining(), (8 - len % 8) % 8), "hello element padding");
        }
        return new Hello(version, bitmap);
    }

    private static FeaturesReply decodeFeatures(WireReader r) {
        long dpid = r.u64("datapath_id");
        long buffers = r.u32("n_buffers");
        int tables = r.u8("n_tables");
        int aux = r.u8("auxiliary_id");
        r.skip(2, "pad");
        long caps = r.u32("capabilities");
        return new FeaturesReply(dpid, buffers, tables, aux, caps);
    }

    private static PacketIn decodePacketIn(WireReader r) {
        long buffer = r.u32("buffer_id");
        int total = r.u16("total_len");
        int reason = r.u8("reason");
        int table = r.u8("table_id");
        long cookie = r.u64("cookie");
        Match match = Match.decode(r);
        r.skip(2, "packet-in padding");
        return new PacketIn(buffer, total, reason, table, cookie, match, r.bytes(r.remaining(), "packet data"));
    }

    private static PacketOut decodePacketOut(WireReader r) {
        long buffer = r.u32("buffer_id");
        long inPort = r.u32("in_port");
        int actionsLength = r.u16("actions_len");
        r.skip(6, "pad");
        List<Action> actions = Action.decodeAll(r.slice(actionsLength, "actions"));
        return new PacketOut(buffer, inPort, actions, r.bytes(r.remaining(), "packet data"));
    }

    private static FlowMod decodeFlowMod(WireReader r) {
        long cookie = r.u64("cookie");
        long cookieMask = r.u64("cookie_mask");
        int table = r.u8("table_id");
        int command = r.u8("command");
        int idle = r.u16("idle_timeout");
        int hard = r.u16("hard_timeout");
        int priority = r.u16("priority");
        long buffer = r.u32("buffer_id");
        long outPort = r.u32("out_port");
        long outGroup = r.u32("out_group");
        int flags = r.u16("flags");
        r.skip(2, "pad");
        Match match = Match.decode(r);
        return new FlowMod(cookie, cookieMask, table, command, idle, hard, priority, buffer, outPort, outGroup, flags,
                match, Instruction.decodeAll(r));
    }

    private static OfMessage decodeMultipartRequest(WireReader r, int type) {
        int mpType = r.u16("multipart type");
        r.u16("multipart flags");
        r.skip(4, "pad");
        if (mpType != MULTIPART_FLOW) {
            return new Unknown(VERSION, type, r.bytes(r.remaining(), "multipart body"));
        }
        int table = r.u8("table_id");
        r.skip(3, "pad");
        long outPort = r.u32("out_port");
        long outGroup = r.u32("out_group");
        r.skip(4, "pad");
        long cookie = r.u64("cookie");
        long mask = r.u64("cookie_mask");
        return new FlowStatsRequest(table, outPort, outGroup, cookie, mask, Match.decode(r));
    }

    private static OfMessage decodeMultipartReply(WireReader r, int type) {
        int start = r.position();
        int mpType = r.u16("multipart type");
        int flags = r.u16("multipart flags");
        r.skip(4, "pad");
        if (mpType != MULTIPART_FLOW) {
            return new Unknown(VERSION, type, r.bytes(r.remaining(), "multipart body"));
        }
        List<FlowStats> flows = new ArrayList<>();
        while (r.remaining() > 0) {
            int len = r.u16("flow stats length");
            if (len < 56) {
                throw new OpenFlowException("flow stats entry of " + len + " bytes at offset " + (r.position() - 2 - start)
                        + " is shorter than its fixed part");
            }
            WireReader e = r.slice(len - 2, "flow stats entry");
            int table = e.u8("table_id");
            e.skip(1, "pad");
            long sec = e.u32("duration_sec");
            long nsec = e.u32("duration_nsec");
            int priority = e.u16("priority");
            int idle = e.u16("idle_timeout");
            int hard = e.u16("hard_timeout");
            int f = e.u16("flags");
            e.skip(4, "pad");
            long cookie = e.u64("cookie");
            long packets = e.u64("packet_count");
            long bytes = e.u64("byte_count");
            Match match = Match.decode(e);
            flows.add(new FlowStats(table, sec, nsec, priority, idle, hard, f, cookie, packets, bytes, match,
                    Instruction.decodeAll(e)));
        }
        return new FlowStatsReply((flags & 1) != 0, flows);
    }
}
