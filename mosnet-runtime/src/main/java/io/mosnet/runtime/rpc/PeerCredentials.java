package io.mosnet.runtime.rpc;

import io.mosnet.runtime.netlink.UnixStreamConnection;

/** Finds out who is connected; the server asks once per connection. Tests inject fixed callers. */
@FunctionalInterface
public interface PeerCredentials {

    Caller identify(UnixStreamConnection connection);

    /** The kernel's answer through SO_PEERCRED: root is uid 0, whatever the name. */
    static PeerCredentials soPeerCred() {
        return connection -> {
            UnixStreamConnection.Peer peer = connection.peer();
            return new Caller(peer.user(), peer.group(), peer.uid() == 0);
        };
    }

    static PeerCredentials fixed(Caller caller) {
        return connection -> caller;
    }
}
