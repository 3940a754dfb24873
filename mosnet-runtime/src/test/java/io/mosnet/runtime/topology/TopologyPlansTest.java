package io.mosnet.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.net.HostNetwork;
import io.mosnet.api.net.Link;
import io.mosnet.api.net.MacAddress;
import io.mosnet.api.plugin.PluginContext;
import io.mosnet.api.topology.TopologyPlan;
import io.mosnet.api.topology.TopologyRequest;
import io.mosnet.runtime.config.ConfigLoader;
import io.mosnet.runtime.config.ConfigParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class TopologyPlansTest {

    private static final List<Link> NICS = List.of(nic(2, "eth0"), nic(3, "eth1"), nic(4, "eth2"));

    private static Link nic(int index, String name) {
        return new Link(index, name, "", MacAddress.parse("52:54:00:00:00:0" + index), 1500, true, true, 0);
    }

    private static TopologyPlan plan(io.mosnet.api.topology.Topology t, String cmdline) {
        MosnetConfig config = ConfigParser.parse(ConfigLoader.fromCmdline(cmdline, new ArrayList<>()), Map.of());
        PluginContext ctx = new PluginContext() {
            public MosnetConfig config() {
                return config;
            }

            public HostNetwork network() {
                return null;
            }

            public Clock clock() {
                return Clock.systemUTC();
            }

            public ScheduledExecutorService scheduler() {
                return null;
            }
        };
        return t.plan(new TopologyRequest(NICS), ctx);
    }

    @Test
    void singleOffersEveryNicOrOnlyMosnics() {
        TopologyPlan p = plan(new SingleTopology(), "mosnics=eth1,eth2");
        assertEquals(1, p.uplinks().size());
        assertEquals(List.of("eth1", "eth2"), p.primary().candidates());
        assertEquals(0, p.primary().vlanId());
        assertEquals(Mode.DHCP, p.primary().mode());
    }

    @Test
    void vlanPutsTheHostOnTheTaggedVlanWithItsMtu() {
        TopologyPlan.Uplink u = plan(new VlanTopology(), "mosvlan=4000,1400 mosip4=10.1.0.2,10.1.0.1,24").primary();
        assertEquals("mos", u.bridgeName());
        assertEquals(4000, u.vlanId());
        assertEquals(1400, u.mtu());
        assertTrue(u.defaultRoute());
        assertEquals(Mode.STATIC, u.mode());
        assertEquals(List.of("eth0", "eth1", "eth2"), u.candidates());
    }

    @Test
    void dualNicKeepsThePinnedSecondNicOutOfThePrimarysCandidates() {
        TopologyPlan p = plan(new DualNicTopology(),
                "mosip4=203.0.113.10,203.0.113.1,24 mosnic2=eth1 mosip4_2=10.0.0.2,10.0.0.1,24");
        assertEquals(List.of("eth0", "eth2"), p.primary().candidates());
        assertTrue(p.primary().defaultRoute());
        TopologyPlan.Uplink second = p.uplinks().get(1);
        assertEquals("mos1", second.bridgeName());
        assertEquals(List.of("eth1"), second.candidates());
        assertFalse(second.defaultRoute());
        assertEquals("eth1", second.ipv4().device(), "the pinned NIC is the static address's device");
        assertEquals(Mode.STATIC, second.mode());
    }

    @Test
    void dualNicWithoutPinProbesTheSecondUplinkForDhcp() {
        TopologyPlan p = plan(new DualNicTopology(), "mostopology=dual-nic");
        TopologyPlan.Uplink second = p.uplinks().get(1);
        assertEquals(List.of("eth0", "eth1", "eth2"), second.candidates());
        assertEquals(Mode.DHCP, second.mode());
        assertNull(second.ipv4());
    }
}
