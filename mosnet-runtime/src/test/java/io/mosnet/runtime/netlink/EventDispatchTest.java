package io.mosnet.runtime.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosnet.api.net.NetworkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event thread survives malformed messages and failing listeners. */
class EventDispatchTest {

    @Test
    void skipsTruncatedMessagesAndKeepsDelivering() {
        List<NetworkEvent> seen = new ArrayList<>();
        NetlinkMessage truncated = new NetlinkMessage(Rtnl.RTM_NEWADDR, 0, 0, 0, Hex.bytes("0218"));
        NetlinkMessage good = NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.NEWADDR_V4)).get(0);
        EventSubscription.dispatch(truncated, seen::add);
        EventSubscription.dispatch(good, seen::add);
        assertEquals(1, seen.size());
    }

    @Test
    void survivesAThrowingListener() {
        NetlinkMessage good = NetlinkMessage.decodeAll(Hex.bytes(KernelMessageDecodingTest.NEWADDR_V4)).get(0);
        List<NetworkEvent> seen = new ArrayList<>();
        java.util.function.Consumer<NetworkEvent> flaky = e -> {
            seen.add(e);
            if (seen.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        };
        EventSubscription.dispatch(good, flaky);
        EventSubscription.dispatch(good, flaky);
        assertEquals(2, seen.size(), "the failure of the first delivery did not stop the second");
    }

    @Test
    void ignoresTypesNobodyAskedFor() {
        List<NetworkEvent> seen = new ArrayList<>();
        EventSubscription.dispatch(new NetlinkMessage(Rtnl.RTM_NEWNEIGH, 0, 0, 0, new byte[12]), seen::add);
        assertEquals(List.of(), seen);
    }
}
