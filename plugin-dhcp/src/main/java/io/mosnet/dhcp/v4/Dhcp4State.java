package io.mosnet.dhcp.v4;

/** The client states of RFC 2131 section 4.4, figure 5. */
public enum Dhcp4State {
    INIT, SELECTING, REQUESTING, BOUND, RENEWING, REBINDING, INIT_REBOOT, REBOOTING;

    /** The name shown in the state file, with the RFC's hyphen ({@code INIT-REBOOT}). */
    public String label() {
        return name().replace('_', '-');
    }
}
