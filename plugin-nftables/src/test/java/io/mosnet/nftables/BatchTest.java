package io.mosnet.nftables;

import static io.mosnet.nftables.Specs.everyService;
import static io.mosnet.nftables.Specs.request;
import static io.mosnet.nftables.Specs.sshAnd8080;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.mosnet.api.config.NatSpec;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static Batch plan(io.mosnet.api.config.FirewallSpec spec) {
        return Ruleset.plan(request(spec, NatSpec.absent(), null, null), NftablesSettings.defaults(), null);
    }

    @Test
    void theFingerprintIsFnv1a64OfTheTablesOwnText() {
        Batch b = plan(sshAnd8080());
        long h = 0xcbf29ce484222325L;
        for (byte x : b.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        assertEquals(String.format("%016x", h), b.fingerprint(TableRef.FILTER), "a batch of one table");
        // The published test vector: FNV-1a 64 of "a".
        assertEquals(0xaf63dc4c8601ec8cL, (0xcbf29ce484222325L ^ 'a') * 0x100000001b3L);
    }

    @Test
    void sameRulesetSameFingerprintOtherRulesetAnother() {
        assertEquals(plan(sshAnd8080()).fingerprint(TableRef.FILTER), plan(sshAnd8080()).fingerprint(TableRef.FILTER));
        assertNotEquals(plan(sshAnd8080()).fingerprint(TableRef.FILTER),
                plan(everyService()).fingerprint(TableRef.FILTER));
    }
}
