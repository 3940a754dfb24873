package io.mosnet.ovs.controller;

import io.mosnet.api.net.MacAddress;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VM addresses learned from packet-ins, bounded so that a VM inventing addresses cannot grow memory or the flow
 * table without limit: once full, new addresses are refused (existing ones can still move).
 */
final class VmTable {

    private final int capacity;
    private final Map<InetAddress, VmEntry> entries = new LinkedHashMap<>();

    VmTable(int capacity) {
        this.capacity = capacity;
    }

    enum Outcome { NEW, MOVED, KNOWN, REFUSED }

    synchronized Outcome learn(InetAddress ip, MacAddress mac, long port) {
        VmEntry old = entries.get(ip);
        VmEntry now = new VmEntry(ip, mac, port);
        if (now.equals(old)) {
            return Outcome.KNOWN;
        }
        if (old == null && entries.size() >= capacity) {
            return Outcome.REFUSED;
        }
        entries.put(ip, now);
        return old == null ? Outcome.NEW : Outcome.MOVED;
    }

    synchronized Optional<VmEntry> get(InetAddress ip) {
        return Optional.ofNullable(entries.get(ip));
    }

    synchronized List<VmEntry> all() {
        return List.copyOf(entries.values());
    }

    synchronized int size() {
        return entries.size();
    }
}
