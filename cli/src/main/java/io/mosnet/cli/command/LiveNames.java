package io.mosnet.cli.command;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import java.util.HashMap;
import java.util.Map;

/** ifindex to name, fetched once per command so that tables do not ask the kernel per row. */
final class LiveNames {

    private final Map<Integer, String> names = new HashMap<>();

    LiveNames(HostNetwork net) {
        for (Link l : net.links()) {
            names.put(l.index(), l.name());
        }
    }

    /** The name, or {@code if<index>} for an index that vanished in between; null for 0. */
    String name(int index) {
        if (index == 0) {
            return null;
        }
        return names.getOrDefault(index, "if" + index);
    }
}
