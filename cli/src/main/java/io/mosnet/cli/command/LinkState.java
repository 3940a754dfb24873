package io.mosnet.cli.command;

/** How a link's flags read in tables: up, down, or no-carrier (up but nothing plugged in). */
final class LinkState {

    private LinkState() {
    }

    static String of(boolean up, boolean carrier) {
        return !up ? "down" : carrier ? "up" : "no-carrier";
    }
}
