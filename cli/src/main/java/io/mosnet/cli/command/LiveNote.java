package io.mosnet.cli.command;

import java.io.PrintWriter;

/** The line live views add when mosnetd is not there to add its own knowledge. */
final class LiveNote {

    private LiveNote() {
    }

    static void print(PrintWriter out, boolean daemonRunning) {
        if (!daemonRunning) {
            out.println(MosnetCommand.LIVE_ONLY);
            out.flush();
        }
    }
}
