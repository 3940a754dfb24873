package io.mosnet.ovs.openflow;

import io.mosnet.api.net.MacAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The OpenFlow 1.3 actions mosnet uses (section 7.2.5); others received from a switch decode to {@link Other}. */
public sealed interface Action {

    int OUTPUT = 0;
    int SET_FIELD = 25;

    /** {@code output:PORT}; {@code maxLen} only matters for CONTROLLER (bytes of the packet sent up). */
    record Output(long port, int maxLen) implements Action {
        @Override
        public String toString() {
            return port == Ports.CONTROLLER ? "CONTROLLER:" + maxLen
                    : port == Ports.NORMAL || port == Ports.LOCAL || port == Ports.IN_PORT || port == Ports.ALL
                    ? Ports.name(port) : "output:" + Ports.name(port);
        }
    }

    /** {@code set_field:MAC->eth_src}. */
    record SetEthSrc(MacAddress mac) implements Action {
        @Override
        public String toString() {
            return "set_field:" + mac + "->eth_src";
        }
    }

    /** {@code set_field:MAC->eth_dst}. */
    record SetEthDst(MacAddress mac) implements Action {
        @Override
        public String toString() {
            return "set_field:" + mac + "->eth_dst";
        }
    }

    /** An action this codec does not model, kept raw for display. */
    record Other(int type, byte[] body) implements Action {
        @Override
        public String toString() {
            return "action(" + type + ")=" + HexFormat.of().formatHex(body);
        }
    }

    static Output output(long port) {
        return new Output(port, 0);
    }

    static Output toController() {
        return new Output(Ports.CONTROLLER, Ports.NO_BUFFER);
    }

    static void encodeAll(List<Action> actions, WireWriter w) {
        for (Action a : actions) {
            switch (a) {
                case Output o -> w.u16(OUTPUT).u16(16).u32(o.port()).u16(o.maxLen()).zeros(6);
                case SetEthSrc s -> setField(w, Match.ETH_SRC, s.mac());
                case SetEthDst d -> setField(w, Match.ETH_DST, d.mac());
                case Other o -> {
                    int len = 4 + o.body().length;
                    if (len % 8 != 0) {
                        throw new OpenFlowException("action " + o.type() + " of " + len + " bytes is not 8-aligned");
                    }
                    w.u16(o.type()).u16(len).bytes(o.body());
                }
            }
        }
    }

    // ofp_action_set_field: the OXM TLV, then padding to 8 bytes (section 7.2.5).
    private static void setField(WireWriter w, int field, MacAddress mac) {
        w.u16(SET_FIELD).u16(16).u16(Match.OXM_CLASS_BASIC).u8(field << 1).u8(6).bytes(mac.toBytes()).zeros(2);
    }

    static List<Action> decodeAll(WireReader r) {
        List<Action> out = new ArrayList<>();
        while (r.remaining() > 0) {
            int type = r.u16("action type");
            int len = r.u16("action length");
            if (len < 8 || len % 8 != 0) {
                throw new OpenFlowException("action " + type + " has invalid length " + len);
            }
            WireReader body = r.slice(len - 4, "action body");
            out.add(decodeOne(type, body));
        }
        return out;
    }

    private static Action decodeOne(int type, WireReader slice) {
        byte[] raw = slice.bytes(slice.remaining(), "action body");
        WireReader body = new WireReader(raw);
        if (type == OUTPUT && raw.length == 12) {
            return new Output(body.u32("output port"), body.u16("output max_len"));
        }
        if (type == SET_FIELD && raw.length == 12) {
            int cls = body.u16("set_field class");
            int field = body.u8("set_field field");
            int len = body.u8("set_field length");
            boolean mac = cls == Match.OXM_CLASS_BASIC && len == 6 && (field & 1) == 0;
            if (mac && field >>> 1 == Match.ETH_SRC) {
                return new SetEthSrc(MacAddress.of(body.bytes(6, "set_field eth_src")));
            }
            if (mac && field >>> 1 == Match.ETH_DST) {
                return new SetEthDst(MacAddress.of(body.bytes(6, "set_field eth_dst")));
            }
        }
        return new Other(type, raw);
    }
}
