package io.mosnet.api.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of comparing recorded state with the live system, for {@code mosnet verify}.
 *
 * @param differences every difference found; empty when consistent
 * @param checked     the areas that were compared
 * @param skipped     areas not compared, each with the reason
 */
public record VerifyReport(List<VerifyDifference> differences, List<String> checked, List<String> skipped) {

    public VerifyReport {
        differences = differences == null ? List.of() : List.copyOf(differences);
        checked = checked == null ? List.of() : List.copyOf(checked);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** Both reports together, as when the CLI's live checks meet the daemon's backend checks. */
    public VerifyReport plus(VerifyReport other) {
        List<VerifyDifference> d = new ArrayList<>(differences);
        d.addAll(other.differences);
        List<String> c = new ArrayList<>(checked);
        c.addAll(other.checked);
        List<String> s = new ArrayList<>(skipped);
        s.addAll(other.skipped);
        return new VerifyReport(d, c, s);
    }
}
