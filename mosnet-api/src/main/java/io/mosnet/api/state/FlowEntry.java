package io.mosnet.api.state;

/**
 * An OpenFlow flow, for {@code mosnet flows}.
 *
 * @param table    table id
 * @param priority priority
 * @param match    match fields as ovs-ofctl prints them
 * @param actions  actions as ovs-ofctl prints them
 * @param packets  packet counter
 * @param bytes    byte counter
 * @param cookie   cookie, hex
 */
public record FlowEntry(int table, int priority, String match, String actions, long packets, long bytes,
                        String cookie) {
}
