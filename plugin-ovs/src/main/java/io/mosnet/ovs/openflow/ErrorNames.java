package io.mosnet.ovs.openflow;

/** Names of OpenFlow 1.3 error types and the common codes (section 7.4.4), for messages people read. */
final class ErrorNames {

    private static final String[] TYPES = {
        "HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "BAD_INSTRUCTION", "BAD_MATCH", "FLOW_MOD_FAILED",
        "GROUP_MOD_FAILED", "PORT_MOD_FAILED", "TABLE_MOD_FAILED", "QUEUE_OP_FAILED", "SWITCH_CONFIG_FAILED",
        "ROLE_REQUEST_FAILED", "METER_MOD_FAILED", "TABLE_FEATURES_FAILED"
    };
    private static final String[] BAD_REQUEST = {
        "BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "EPERM", "BAD_LEN",
        "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT", "BAD_PACKET", "MULTIPART_BUFFER_OVERFLOW"
    };
    private static final String[] BAD_ACTION = {
        "BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM",
        "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP", "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG",
        "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT"
    };
    private static final String[] BAD_MATCH = {
        "BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK", "BAD_NW_ADDR_MASK", "BAD_WILDCARDS", "BAD_FIELD",
        "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD", "EPERM"
    };
    private static final String[] FLOW_MOD_FAILED = {
        "UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM", "BAD_TIMEOUT", "BAD_COMMAND", "BAD_FLAGS"
    };

    private ErrorNames() {
    }

    static String of(int type, int code) {
        String t = type >= 0 && type < TYPES.length ? TYPES[type] : "type " + type;
        String[] codes = switch (type) {
            case 1 -> BAD_REQUEST;
            case 2 -> BAD_ACTION;
            case 4 -> BAD_MATCH;
            case 5 -> FLOW_MOD_FAILED;
            default -> new String[0];
        };
        String c = code >= 0 && code < codes.length ? codes[code] : "code " + code;
        return "OFP" + t + " " + c;
    }
}
