package io.mosnet.api.state;

/**
 * One way the live system differs from the recorded state.
 *
 * @param area     {@code address}, {@code route}, {@code bridge-port}, {@code nft-table}, {@code ovs-flow}, ...
 * @param item     what differs ({@code 10.0.0.5/24 on mos})
 * @param expected what the state says, or null when the live system has something extra
 * @param actual   what the system has, or null when it is missing
 */
public record VerifyDifference(String area, String item, String expected, String actual) {

    public static VerifyDifference missing(String area, String item) {
        return new VerifyDifference(area, item, "present", "missing");
    }

    public static VerifyDifference unexpected(String area, String item) {
        return new VerifyDifference(area, item, "absent", "present");
    }
}
