package io.mosnet.ovs.openflow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code mosnet flows} view: OFPMP_FLOW over a short-lived connection to the bridge's management socket. */
public final class FlowTable {

    private FlowTable() {
    }

    /** Every flow of every table, as ovs-ofctl dump-flows shows them, in JSON-friendly maps. */
    public static List<Map<String, Object>> dump(Path mgmtSocket, Duration timeout) {
        return stats(mgmtSocket, timeout).stream().map(FlowStats::toMap).toList();
    }

    public static List<FlowStats> stats(Path mgmtSocket, Duration timeout) {
        try (OfChannel ch = OfChannel.open(mgmtSocket, timeout)) {
            long xid = ch.send(OfMessage.FlowStatsRequest.all());
            List<FlowStats> out = new ArrayList<>();
            while (true) {
                OfFrame f = ch.receive(timeout);
                if (f.message() instanceof OfMessage.EchoRequest e) {
                    ch.send(new OfMessage.EchoReply(e.data()), f.xid());
                    continue;
                }
                if (f.xid() != xid) {
                    continue;
                }
                if (f.message() instanceof OfMessage.Error err) {
                    throw new OpenFlowException("flow stats request on " + mgmtSocket + ": " + err);
                }
                if (f.message() instanceof OfMessage.FlowStatsReply r) {
                    out.addAll(r.flows());
                    if (!r.more()) {
                        return out;
                    }
                }
            }
        } catch (IOException e) {
            throw new OpenFlowException("flow stats request on " + mgmtSocket + ": " + e.getMessage(), e);
        }
    }
}
