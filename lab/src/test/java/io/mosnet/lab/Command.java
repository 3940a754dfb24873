package io.mosnet.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a lab command (ip, nft, ...) to completion and returns its output, or throws with what it printed. */
public final class Command {

    /** Exit status and output of a finished command. */
    public record Result(List<String> command, int status, String out, String err) {

        public boolean ok() {
            return status == 0;
        }

        public Result check() {
            if (status != 0) {
                throw new LabException("'" + String.join(" ", command) + "' exited " + status + ": " + err.strip()
                        + (out.isBlank() ? "" : " (stdout: " + out.strip() + ")"));
            }
            return this;
        }
    }

    private Command() {
    }

    public static Result run(List<String> command, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = p.getInputStream();
            var err = p.getErrorStream();
            // Read both streams on their own threads so that a chatty command cannot block on a full pipe.
            var outText = new java.util.concurrent.CompletableFuture<String>();
            var errText = new java.util.concurrent.CompletableFuture<String>();
            Thread.ofVirtual().start(() -> outText.complete(read(out)));
            Thread.ofVirtual().start(() -> errText.complete(read(err)));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LabException("'" + String.join(" ", command) + "' did not finish within " + timeoutSeconds + " s");
            }
            return new Result(command, p.exitValue(), outText.join(), errText.join());
        } catch (IOException e) {
            throw new LabException("cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }

    public static Result run(String... command) {
        return run(List.of(command), 30);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
