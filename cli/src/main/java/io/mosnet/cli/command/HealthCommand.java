package io.mosnet.cli.command;

import io.mosnet.api.state.HealthReport;
import io.mosnet.cli.ExitCodes;
import io.mosnet.runtime.rpc.DaemonMethods;
import io.mosnet.runtime.rpc.DaemonUnreachableException;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code mosnet health}: exit 0 healthy, 1 degraded, 2 unreachable. JSON: the {@code health} HealthReport; when
 * mosnetd cannot be reached, {@code {"status":"unreachable","reasons":[message],"phase":null,"checkedAt":null}}.
 */
@Command(name = "health", description = "Health check: exit 0 healthy, 1 degraded (with reasons), 2 unreachable")
public final class HealthCommand extends MosnetCommand {

    static final String UNREACHABLE = "unreachable";

    @Override
    protected int run() throws Exception {
        HealthReport report;
        try {
            report = convert(daemon().call(DaemonMethods.HEALTH), HealthReport.class);
        } catch (DaemonUnreachableException e) {
            report = new HealthReport(UNREACHABLE, List.of(e.getMessage()), null, null);
        }
        int code = switch (report.status()) {
            case HealthReport.HEALTHY -> ExitCodes.OK;
            case UNREACHABLE -> ExitCodes.UNREACHABLE;
            default -> ExitCodes.DEGRADED;
        };
        if (json) {
            printJson(report);
            return code;
        }
        out().println(report.status() + (report.phase() == null ? "" : " (phase " + report.phase() + ")"));
        for (String reason : report.reasons()) {
            out().println("  - " + reason);
        }
        out().flush();
        return code;
    }
}
