package io.mosnet.runtime.rpc;

/**
 * Who is on the other end of an API connection, from the socket's peer credentials (SO_PEERCRED).
 *
 * @param user  user name, or the numeric uid when it has no name
 * @param group primary group name, or the numeric gid
 * @param root  uid 0: allowed to call mutating methods
 */
public record Caller(String user, String group, boolean root) {

    public static final Caller ROOT = new Caller("root", "root", true);
}
