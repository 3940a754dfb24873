package io.mosnet.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.Mode;
import io.mosnet.api.config.MosnetConfig;
import io.mosnet.api.config.VlanSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mostopology, mosvlan and the dual-nic settings, from the command line and from mosnet.toml. */
class TopologySettingsTest {

    private static MosnetConfig parse(String cmdline) {
        return ConfigParser.parse(ConfigLoader.fromCmdline(cmdline, new ArrayList<>()), Map.of());
    }

    private static List<String> problems(String cmdline) {
        return assertThrows(ConfigException.class, () -> parse(cmdline)).problems();
    }

    @Test
    void singleIsTheDefaultWithoutVlanOrSecondUplink() {
        MosnetConfig c = parse("mosip4=10.0.0.2,10.0.0.1,24");
        assertEquals("single", c.topology());
        assertNull(c.vlan());
        assertNull(c.uplink2());
    }

    @Test
    void mosvlanSelectsTheVlanTopologyWithItsMtu() {
        MosnetConfig c = parse("mosvlan=4000,1400 mosip4=10.1.0.2,10.1.0.1,24");
        assertEquals("vlan", c.topology());
        assertEquals(new VlanSpec(4000, 1400), c.vlan());
        assertEquals(new VlanSpec(4091, 0), parse("mostopology=vlan mosvlan=4091").vlan());
    }

    @Test
    void rejectsReservedVlanIdsAndBadMtus() {
        assertEquals(List.of("mosvlan: '0' is not a VLAN id 1-4094 (Hetzner vSwitch: 4000-4091)"), problems("mosvlan=0"));
        assertEquals(List.of("mosvlan: '4095' is not a VLAN id 1-4094 (Hetzner vSwitch: 4000-4091)"),
                problems("mosvlan=4095"));
        assertEquals(List.of("mosvlan: '20' is not an MTU 68-65535 (Hetzner vSwitch: 1400)"), problems("mosvlan=4000,20"));
        assertEquals(List.of("mosvlan: '4000,1400,9' has 3 fields, expected <id>[,<mtu>], id 1-4094, MTU 68-65535"),
                problems("mosvlan=4000,1400,9"));
    }

    @Test
    void vlanTopologyNeedsMosvlanAndSingleRefusesIt() {
        assertEquals(List.of("mostopology: 'vlan' needs mosvlan=<id>[,<mtu>], id 1-4094, MTU 68-65535"),
                problems("mostopology=vlan"));
        assertEquals(List.of("mosvlan: '4000' needs mostopology=vlan (mostopology is 'single')"),
                problems("mostopology=single mosvlan=4000"));
    }

    @Test
    void aThirdPartyTopologyGetsTheSettingsAsGiven() {
        MosnetConfig c = parse("mostopology=acme-fabric mosvlan=12");
        assertEquals("acme-fabric", c.topology());
        assertEquals(12, c.vlan().id());
    }

    @Test
    void secondUplinkSettingsSelectDualNicStaticOnThePinnedNic() {
        MosnetConfig c = parse("mosip4=203.0.113.10,203.0.113.1,24 mosnic2=eth1 mosip4_2=10.0.0.2,10.0.0.1,24");
        assertEquals("dual-nic", c.topology());
        assertEquals("eth1", c.uplink2().nic());
        assertEquals("10.0.0.2/24", c.uplink2().ipv4().network().toString());
        assertEquals(Mode.STATIC, c.uplink2().mode());
    }

    @Test
    void dualNicAloneMeansTheSecondUplinkIsProbedForDhcp() {
        MosnetConfig c = parse("mostopology=dual-nic");
        assertNull(c.uplink2().nic());
        assertEquals(Mode.DHCP, c.uplink2().mode());
    }

    @Test
    void theDeviceOfMosip4_2PinsTheSecondNic() {
        assertEquals("eth1", parse("mosip4_2=10.0.0.2,10.0.0.1,24,eth1").uplink2().nic());
    }

    @Test
    void rejectsTheSameNicForBothUplinksAndDisagreeingDevices() {
        assertEquals(List.of("mosnic2: 'eth0' is the primary uplink's device too; dual-nic needs two NICs"),
                problems("mosip4=203.0.113.10,203.0.113.1,24,eth0 mosnic2=eth0"));
        assertEquals(List.of("mosnic2: 'eth1' disagrees with the device of mosip4_2/mosip6_2; the second uplink is one NIC"),
                problems("mosnic2=eth1 mosip4_2=10.0.0.2,10.0.0.1,24,eth2"));
    }

    @Test
    void errorsInSecondUplinkAddressesNameTheirOwnParameter() {
        assertEquals(List.of("mosip4_2: '10.0.0.300' is not an IPv4 address"),
                problems("mosip4_2=10.0.0.300,10.0.0.1,24"));
        assertEquals(List.of("mosip6_2: 'fd00::2' has no prefix length, expected <addr>/<prefix> such as 2001:db8::1/64"),
                problems("mosip6_2=fd00::2,fd00::1"));
    }

    @Test
    void vlanAndSecondUplinkBelongToDifferentTopologies() {
        assertEquals(List.of("mosvlan: '4000' belongs to the vlan topology, mosnic2 to dual-nic; a host has one topology"),
                problems("mosvlan=4000 mosnic2=eth1"));
        assertTrue(problems("mostopology=vlan mosvlan=4000 mosip4_2=10.0.0.2,10.0.0.1,24").contains(
                "mosip4_2: '10.0.0.2,10.0.0.1,24' needs mostopology=dual-nic (mostopology is 'vlan')"));
    }

    @Test
    void tomlSpellsVlanAndUplink2AndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path toml = Files.writeString(dir.resolve("mosnet.toml"), """
                ip4 = "203.0.113.10,203.0.113.1,24"
                [uplink2]
                nic = "eth1"
                ip4 = { address = "10.0.0.2", gateway = "10.0.0.1", netmask = "24" }
                """);
        Path cmdline = Files.writeString(dir.resolve("cmdline"), "quiet mosnic2=eth2");
        MosnetConfig c = ConfigLoader.load(cmdline, toml, true).config();
        assertEquals("dual-nic", c.topology());
        assertEquals("eth2", c.uplink2().nic());
        assertEquals("10.0.0.2/24", c.uplink2().ipv4().network().toString());

        Path vlan = Files.writeString(dir.resolve("vlan.toml"), """
                [vlan]
                id = 4000
                mtu = 1400
                """);
        Files.writeString(cmdline, "quiet");
        assertEquals(new VlanSpec(4000, 1400), ConfigLoader.load(cmdline, vlan, true).config().vlan());
        Files.writeString(vlan, "vlan = 4001\n");
        assertEquals(new VlanSpec(4001, 0), ConfigLoader.load(cmdline, vlan, true).config().vlan());
    }
}
