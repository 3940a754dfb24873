package io.mosnet.cli;

import io.mosnet.api.net.HostNetwork;
import io.mosnet.runtime.netlink.NetlinkHostNetwork;
import io.mosnet.runtime.rpc.RpcClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands reach outside the process, injectable for tests: the live network, resolv.conf, the
 * environment and the API timeout.
 *
 * @param hostNetwork opens a handle on the live network (rtnetlink in production)
 * @param resolvConf  the resolv.conf {@code mosnet dns} shows
 * @param env         environment variables ({@code MOSNET_SOCKET})
 * @param timeout     how long a daemon call may take
 * @param clock       for "expires in" style times
 */
public record CliContext(Supplier<HostNetwork> hostNetwork, Path resolvConf, Map<String, String> env,
                         Duration timeout, Clock clock) {

    public static final String SOCKET_ENV = "MOSNET_SOCKET";

    /**
     * The file {@code ResolvConfWriter.DEFAULT_PATH} names, spelt out here: reading that constant would initialise
     * the writer and with it the logging framework, a tenth of a {@code mosnet status}.
     */
    static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    public static CliContext system() {
        return new CliContext(NetlinkHostNetwork::open, RESOLV_CONF, System.getenv(),
                Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    /** {@code --socket} if given, else {@code $MOSNET_SOCKET}, else /run/mosnet/mosnet.sock. */
    public Path socket(Path option) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get(SOCKET_ENV);
        return fromEnv == null || fromEnv.isBlank() ? RpcClient.DEFAULT_SOCKET : Path.of(fromEnv);
    }
}
