package io.mosnet.api.state;

/**
 * A loaded plugin, for logs, the state file and {@code mosnet plugins}.
 *
 * @param id      the plugin's id
 * @param kind    bridge backend, firewall, address source or topology
 * @param version its version
 * @param source  where it came from: {@code builtin (module io.mosnet.linuxbridge)} or the plugin file's path
 */
public record PluginInfo(String id, String kind, String version, String source) {
}
