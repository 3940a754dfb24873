package io.mosnet.runtime.state;

import io.mosnet.api.state.DaemonState;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What reading the state file gave. Anything but {@link Status#LOADED} means "start as if there were no state";
 * {@link #reason()} says why, for the log.
 *
 * @param status what was found
 * @param file   the file that was read
 * @param state  the state when {@link Status#LOADED}, else null
 * @param reason a one-line explanation when not loaded, else null
 */
public record StateLoadResult(Status status, Path file, DaemonState state, String reason) {

    public enum Status {
        /** The file was read and holds the current schema. */
        LOADED,
        /** There is no state file (first boot). */
        ABSENT,
        /** The file ends before the JSON document does, or is empty: a write was cut short. */
        TRUNCATED,
        /** The file is not JSON, or not a DaemonState. */
        CORRUPT,
        /** The file was written by a mosnet with another schema version. */
        SCHEMA_MISMATCH,
        /** The file exists but could not be read (permissions, I/O error). */
        UNREADABLE
    }

    static StateLoadResult loaded(Path file, DaemonState state) {
        return new StateLoadResult(Status.LOADED, file, state, null);
    }

    static StateLoadResult rejected(Status status, Path file, String reason) {
        return new StateLoadResult(status, file, null, reason);
    }

    public boolean isLoaded() {
        return status == Status.LOADED;
    }

    /** The state, empty unless {@link Status#LOADED}. */
    public Optional<DaemonState> loadedState() {
        return Optional.ofNullable(state);
    }
}
