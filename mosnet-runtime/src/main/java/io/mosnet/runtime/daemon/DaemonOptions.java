package io.mosnet.runtime.daemon;

import java.nio.file.Path;

/**
 * Where mosnetd reads and writes: everything that differs between a real host, a test lab and a packaged install.
 *
 * @param cmdline     kernel command line (/proc/cmdline)
 * @param config      mosnet.toml
 * @param configGiven the user named the config file (then it must exist)
 * @param stateFile   the JSON state file
 * @param socket      the JSON-RPC socket
 * @param resolvConf  the resolv.conf to write
 * @param pluginsDir  drop-in plugin files
 * @param ovsdb       OVSDB remote, {@code unix:PATH}
 */
public record DaemonOptions(Path cmdline, Path config, boolean configGiven, Path stateFile, Path socket,
                            Path resolvConf, Path pluginsDir, String ovsdb) {
}
