package io.mosnet.cli.command;

import io.mosnet.api.plugin.MosnetException;
import io.mosnet.api.state.BridgeReport;
import io.mosnet.api.state.DaemonState;
import io.mosnet.api.state.VerifyDifference;
import io.mosnet.api.state.VerifyReport;
import io.mosnet.cli.ExitCodes;
import io.mosnet.cli.Table;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.RpcClient;
import io.mosnet.runtime.rpc.RpcException;
import io.mosnet.runtime.state.StateLoadResult;
import io.mosnet.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mosnet verify}: compares the recorded state (from mosnetd, or a state file) with the live system and
 * lists every difference; exit 0 when none, 1 otherwise. Addresses, routes and bridge ports are checked here
 * against the kernel; nft tables and OVS flows by mosnetd's {@code verify} method. JSON: a VerifyReport
 * ({@code differences}, {@code checked}, {@code skipped}).
 */
@Command(name = "verify", description = "Cross-check the state with the live system; exit 1 on differences")
public final class VerifyCommand extends MosnetCommand {

    @Option(names = "--state-file", paramLabel = "PATH",
            description = "Read the state from this file instead of asking mosnetd (e.g. /var/cache/etc/mosnet.json)")
    Path stateFile;

    @Override
    protected int run() throws Exception {
        Optional<RpcClient> daemon = daemonIfRunning();
        DaemonState state;
        if (stateFile != null) {
            StateLoadResult loaded = StateStore.parse(stateFile, Files.readAllBytes(stateFile));
            state = loaded.loadedState().orElseThrow(() -> new MosnetException(
                    "state file " + stateFile + " is not usable: " + loaded.reason()));
        } else {
            state = convert(daemon().call(DaemonMethods.STATUS, Map.of()), DaemonState.class);
        }
        Optional<BridgeReport> bridge = daemon.flatMap(d -> optional(d, DaemonMethods.BRIDGE, BridgeReport.class));
        VerifyReport report = LiveVerifier.compare(state, live(), bridge);
        if (daemon.isPresent()) {
            try {
                report = report.plus(convert(daemon.get().call(DaemonMethods.VERIFY, Map.of()), VerifyReport.class));
            } catch (RpcException e) {
                report = report.plus(new VerifyReport(List.of(), List.of(), List.of("backends: " + e.getMessage())));
            }
        } else {
            report = report.plus(new VerifyReport(List.of(), List.of(),
                    List.of("nft tables and OVS flows: mosnetd not running")));
        }
        int code = report.differences().isEmpty() ? ExitCodes.OK : ExitCodes.DEGRADED;
        if (json) {
            printJson(report);
            return code;
        }
        if (report.differences().isEmpty()) {
            out().println("No differences (checked: " + String.join(", ", report.checked()) + ")");
        } else {
            Table t = new Table("AREA", "ITEM", "EXPECTED", "ACTUAL");
            for (VerifyDifference d : report.differences()) {
                t.row(d.area(), d.item(), d.expected(), d.actual());
            }
            t.print(out());
            out().println(report.differences().size() + " difference(s)");
        }
        for (String s : report.skipped()) {
            out().println("skipped: " + s);
        }
        out().flush();
        return code;
    }

    private <T> Optional<T> optional(RpcClient d, String method, Class<T> type) {
        try {
            return Optional.of(convert(d.call(method, Map.of()), type));
        } catch (RpcException e) {
            return Optional.empty();
        }
    }
}
