package io.mosnet.api.state;

/**
 * A datapath (megaflow cache) entry, for {@code mosnet datapath}.
 *
 * @param match   the flow key; with masks when asked verbosely
 * @param actions datapath actions
 * @param packets packet counter
 * @param bytes   byte counter
 * @param used    time since last use as OVS prints it ({@code 0.512s}, {@code never})
 */
public record DatapathFlow(String match, String actions, long packets, long bytes, String used) {
}
