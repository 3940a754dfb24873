package io.mosnet.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.config.FirewallSpec;
import io.mosnet.api.config.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void warnsAboutUnknownMosParametersAndIgnoresOthers() {
        List<String> warnings = new ArrayList<>();
        var s = ConfigLoader.fromCmdline("quiet mosip=1.2.3.4 console=ttyS0 mosbridge=linux", warnings);
        assertEquals(1, s.size());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("unknown parameter 'mosip' ignored"));
    }

    @Test
    void skipsCommentLinesOfACmdlineFile() {
        List<String> warnings = new ArrayList<>();
        var s = ConfigLoader.fromCmdline("""
                # mosnetd reads this file: mosip4 for the host
                  # indented comment, mosbridge=ovs
                root=/dev/sda1 mosip4=10.0.0.2,10.0.0.1,24
                mosbridge=linux # not a comment: the kernel has none
                """, warnings);
        assertEquals("10.0.0.2,10.0.0.1,24", s.get(Setting.IP4));
        assertEquals("linux", s.get(Setting.BRIDGE));
        assertEquals(List.of(), warnings);
    }

    @Test
    void quotedValuesKeepSpaces() {
        var params = KernelCmdline.parse("a=1 b=\"x y\" c");
        assertEquals(3, params.size());
        assertEquals("x y", params.get(1).value());
        assertEquals(null, params.get(2).value());
    }

    @Test
    void commandLineOverridesFileSettingBySetting() throws IOException {
        Path toml = write("mosnet.toml", """
                firewall = ["ssh", "8080/tcp"]
                bridge = "ovs"
                [dhcp]
                timeout = 20
                prefer_private = false
                [plugins.ovs]
                ovsdb = "unix:/tmp/db.sock"
                """);
        Path cmdline = write("cmdline", "root=/dev/vda mosbridge=linux\n");
        ConfigLoader.Loaded l = ConfigLoader.load(cmdline, toml, true);
        assertEquals("linux", l.config().bridge());
        assertEquals("kernel command line", l.origins().get(Setting.BRIDGE));
        assertEquals(Duration.ofSeconds(20), l.config().dhcp().timeout());
        assertEquals(false, l.config().dhcp().preferPrivate());
        assertEquals(FirewallSpec.Policy.DROP, l.config().firewall().policy());
        assertEquals(2, l.config().firewall().rules().size());
        assertEquals("unix:/tmp/db.sock", l.config().pluginSettings("ovs").get("ovsdb"));
        assertEquals(Mode.DHCP, l.config().mode());
    }

    @Test
    void pluginDefaultFillsOnlyWhatTheFileLeavesOut() throws IOException {
        Path toml = write("mosnet.toml", """
                [plugins.ovs]
                ovsdb = "unix:/tmp/db.sock"
                rundir = "/tmp/ovs"
                """);
        Path cmdline = write("cmdline", "mosbridge=ovs\n");
        ConfigLoader.Loaded fromFile = ConfigLoader.load(cmdline, toml, true)
                .withPluginDefault("ovs", "ovsdb", "unix:/run/other.sock");
        assertEquals("unix:/tmp/db.sock", fromFile.config().pluginSettings("ovs").get("ovsdb"));

        ConfigLoader.Loaded filled = ConfigLoader.load(cmdline, toml, true)
                .withPluginDefault("ovs", "timeout_ms", "500");
        assertEquals("500", filled.config().pluginSettings("ovs").get("timeout_ms"));
        assertEquals("/tmp/ovs", filled.config().pluginSettings("ovs").get("rundir"));
        assertEquals("ovs", filled.config().bridge());

        ConfigLoader.Loaded noFile = ConfigLoader.load(cmdline, null, false)
                .withPluginDefault("ovs", "ovsdb", "unix:/run/other.sock");
        assertEquals("unix:/run/other.sock", noFile.config().pluginSettings("ovs").get("ovsdb"));
    }

    @Test
    void tomlTablesForStaticAddresses() throws IOException {
        Path toml = write("mosnet.toml", """
                [ip4]
                address = "136.243.10.20"
                gateway = "136.243.10.1"
                netmask = "255.255.255.255"
                [ip6]
                address = "2a01:4f8::2/128"
                gateway = "fe80::1"
                [nat]
                masquerade = "snat"
                forwards = ["8080:10.10.0.2:80/tcp"]
                """);
        ConfigLoader.Loaded l = ConfigLoader.load(write("cmdline", ""), toml, true);
        assertEquals("136.243.10.20/32", l.config().ipv4().network().toString());
        assertEquals(128, l.config().ipv6().prefixLength());
        assertEquals(1, l.config().nat().forwards().size());
    }

    @Test
    void reportsFileAndCommandLineProblemsTogether() throws IOException {
        Path toml = write("mosnet.toml", """
                colour = "blue"
                [dhcp]
                timeout = 0
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("cmdline", "mosip4=10.0.0.300,10.0.0.1,24"), toml, true));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("unknown key 'colour'"));
        assertTrue(e.problems().contains("mosip4: '10.0.0.300' is not an IPv4 address"));
        assertTrue(e.problems().contains("mosdhcp_timeout: '0' is not a whole number of seconds 1-3600"));
    }

    @Test
    void tomlSyntaxErrorNamesTheFile() throws IOException {
        Path toml = write("mosnet.toml", "bridge = \n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("cmdline", ""), toml, true));
        assertTrue(e.problems().get(0).startsWith(toml.toString() + ": "), e.problems().toString());
    }

    @Test
    void missingNamedConfigFileIsAnError() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("cmdline", ""), dir.resolve("nope.toml"), true));
        assertTrue(e.problems().get(0).contains("does not exist"));
    }

    @Test
    void missingDefaultConfigFileIsFine() throws IOException {
        assertEquals(Mode.DHCP, ConfigLoader.load(write("cmdline", ""), dir.resolve("absent.toml"), false).config().mode());
    }
}
