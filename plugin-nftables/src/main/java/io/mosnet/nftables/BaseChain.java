package io.mosnet.nftables;

/**
 * A chain attached to a netfilter hook.
 *
 * @param name     chain name
 * @param type     filter or nat
 * @param hook     input, forward, prerouting, postrouting, egress, ...
 * @param priority hook priority; lower runs first
 * @param policy   accept or drop: the verdict for packets no rule decided
 * @param device   the device of a {@code netdev} hook, else null
 */
record BaseChain(String name, String type, String hook, int priority, String policy, String device) {

    /** {@code priority dstnat} of nft: where DNAT belongs, before routing looks at the destination. */
    static final int PRIORITY_DSTNAT = -100;
    /** {@code priority srcnat} of nft. */
    static final int PRIORITY_SRCNAT = 100;
    /** {@code priority filter} of nft. */
    static final int PRIORITY_FILTER = 0;

    static BaseChain of(String name, String type, String hook, int priority, String policy) {
        return new BaseChain(name, type, hook, priority, policy, null);
    }
}
