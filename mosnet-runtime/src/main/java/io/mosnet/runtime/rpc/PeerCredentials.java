package io.mosnet.runtime.rpc;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/** Finds out who is connected; the server asks once per connection. Tests inject fixed callers. */
@FunctionalInterface
public interface PeerCredentials {

    Caller identify(SocketChannel channel) throws IOException;

    /**
     * The kernel's answer through SO_PEERCRED. The JDK's principal hides the numeric uid, so root is recognised by
     * comparing with the principal of user {@code root}, which the JDK compares by uid.
     */
    static PeerCredentials soPeerCred() {
        return channel -> {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            UserPrincipal root = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
            boolean isRoot = peer.user().equals(root) || "0".equals(peer.user().getName());
            return new Caller(peer.user().getName(), peer.group().getName(), isRoot);
        };
    }

    static PeerCredentials fixed(Caller caller) {
        return channel -> caller;
    }
}
