package io.mosnet.api.state;

import java.util.List;

/** Delegated IPv6 prefixes, for {@code mosnet prefix}; empty when prefix delegation is off or got nothing. */
public record PrefixReport(List<DelegatedPrefix> prefixes) {

    public PrefixReport {
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
    }
}
