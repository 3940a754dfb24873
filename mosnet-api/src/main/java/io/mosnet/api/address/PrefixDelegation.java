package io.mosnet.api.address;

import io.mosnet.api.state.DelegatedPrefix;
import java.util.List;

/**
 * Implemented by an {@link AddressSession} that holds prefixes delegated to the host (DHCPv6 IA_PD), so that the
 * runtime can record them in the state file without depending on the plugin:
 * {@code if (session instanceof PrefixDelegation pd) ... pd.delegatedPrefixes()}. The source calls
 * {@link AddressListener#leaseChanged} after every change of the prefixes, so reading them there is current.
 */
public interface PrefixDelegation {

    /** The prefixes delegated now, in the server's order; empty when none. */
    List<DelegatedPrefix> delegatedPrefixes();
}
