package io.mosnet.nftables;

/**
 * Runs libnftables command documents somewhere: in the network namespace of the calling thread (the daemon's), or
 * in a named namespace. {@link NftablesFirewall} takes one, so tests and the lab point it at a namespace and unit
 * tests at a fake.
 */
interface Libnftables {

    /**
     * Runs one JSON document ({@code {"nftables": [...]}}) as one transaction.
     *
     * @return libnftables' output buffer: the JSON listing for {@code list} commands, else usually empty
     * @throws NftablesException carrying libnftables' error buffer when it refused the document
     */
    String run(String document);

    /** libnftables in the namespace of whichever thread calls {@link #run}: the daemon's own. */
    static Libnftables currentNamespace() {
        return document -> {
            LinuxNative.Result result = LinuxNative.run(document);
            if (!result.ok()) {
                String error = result.error().strip();
                throw new NftablesException(error.isEmpty()
                        ? "libnftables returned " + result.status() + " without an error message"
                        : error);
            }
            return result.output();
        };
    }

    /**
     * libnftables in the namespace {@code ip netns add NAME} bound at {@code /run/netns/NAME}: each run happens on
     * a new platform thread that first joins that namespace, so the netlink socket libnftables opens belongs to it.
     */
    static Libnftables inNamespace(String name) {
        return new NamespaceLibnftables(name, currentNamespace());
    }
}
