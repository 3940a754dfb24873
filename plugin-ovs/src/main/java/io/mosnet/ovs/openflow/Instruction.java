package io.mosnet.ovs.openflow;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** OpenFlow 1.3 instructions (section 7.2.4): mosnet writes only apply-actions; others decode for display. */
public sealed interface Instruction {

    int GOTO_TABLE = 1;
    int APPLY_ACTIONS = 4;

    record ApplyActions(List<Action> actions) implements Instruction {
        public ApplyActions {
            actions = List.copyOf(actions);
        }

        @Override
        public String toString() {
            return actions.isEmpty() ? "drop" : actions.stream().map(Action::toString).collect(Collectors.joining(","));
        }
    }

    record GotoTable(int table) implements Instruction {
        @Override
        public String toString() {
            return "goto_table:" + table;
        }
    }

    record Other(int type, byte[] body) implements Instruction {
        @Override
        public String toString() {
            return "instruction(" + type + ")=" + HexFormat.of().formatHex(body);
        }
    }

    static void encodeAll(List<Instruction> instructions, WireWriter w) {
        for (Instruction i : instructions) {
            switch (i) {
                case ApplyActions a -> {
                    WireWriter actions = new WireWriter();
                    Action.encodeAll(a.actions(), actions);
                    w.u16(APPLY_ACTIONS).u16(8 + actions.size()).zeros(4).bytes(actions.toByteArray());
                }
                case GotoTable g -> w.u16(GOTO_TABLE).u16(8).u8(g.table()).zeros(3);
                case Other o -> w.u16(o.type()).u16(4 + o.body().length).bytes(o.body());
            }
        }
    }

    static List<Instruction> decodeAll(WireReader r) {
        List<Instruction> out = new ArrayList<>();
        while (r.remaining() > 0) {
            int type = r.u16("instruction type");
            int len = r.u16("instruction length");
            if (len < 8 || len % 8 != 0) {
                throw new OpenFlowException("instruction " + type + " has invalid length " + len);
            }
            WireReader body = r.slice(len - 4, "instruction body");
            if (type == APPLY_ACTIONS) {
                body.skip(4, "apply-actions padding");
                out.add(new ApplyActions(Action.decodeAll(body)));
            } else if (type == GOTO_TABLE) {
                out.add(new GotoTable(body.u8("goto_table table")));
            } else {
                out.add(new Other(type, body.bytes(body.remaining(), "instruction body")));
            }
        }
        return out;
    }

    /** ovs-ofctl style: the actions of apply-actions, then the other instructions. */
    static String format(List<Instruction> instructions) {
        if (instructions.isEmpty()) {
            return "drop";
        }
        return instructions.stream().map(Instruction::toString).collect(Collectors.joining(","));
    }
}
