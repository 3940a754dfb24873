package io.mosnet.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.plugin.PluginKind;
import io.mosnet.api.state.PluginInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path plugins;

    private static PluginRegistry.Entry backend(String id, String source) {
        return new PluginRegistry.Entry(PluginKind.BRIDGE_BACKEND, new FakeBackend() {
            @Override
            public String id() {
                return id;
            }
        }, source);
    }

    @Test
    void duplicateIdOfOneKindIsAHardErrorNamingBothLocations() {
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.of(
                List.of(backend("linux", "builtin (module io.mosnet.linuxbridge)"), backend("linux", "/opt/x.jar")),
                plugins));
        assertEquals("two bridge backend plugins have the id 'linux': builtin (module io.mosnet.linuxbridge) and "
                + "/opt/x.jar; remove one of them", e.getMessage());
    }

    @Test
    void missingOvsBackendListsInstalledOnesAndNamesTheFile() {
        PluginRegistry r = PluginRegistry.of(List.of(backend("linux", "builtin")), plugins);
        PluginException e = assertThrows(PluginException.class, () -> r.bridgeBackend("ovs"));
        assertTrue(e.getMessage().startsWith("mosbridge=ovs: no bridge backend 'ovs' is installed; installed: linux."),
                e.getMessage());
        assertTrue(e.getMessage().contains("plugin-ovs-<version>.jar; copy that file into " + plugins), e.getMessage());
    }

    @Test
    void automaticBackendPrefersOvsThenLinux() {
        PluginRegistry minimal = PluginRegistry.of(List.of(backend("linux", "builtin")), plugins);
        assertEquals("linux", minimal.bridgeBackend(null).id());
        PluginRegistry full = PluginRegistry.of(List.of(backend("linux", "builtin"), backend("ovs", "ovs.jar")), plugins);
        assertEquals("ovs", full.bridgeBackend(null).id());
    }

    @Test
    void emptyPluginsDirectoryDoesNotStartPf4j() throws IOException {
        assertFalse(DropInPlugins.hasPluginFiles(plugins));
        Files.writeString(plugins.resolve("README"), "drop plugin jars here");
        assertFalse(DropInPlugins.hasPluginFiles(plugins));
        assertFalse(DropInPlugins.hasPluginFiles(plugins.resolve("missing")));
    }

    @Test
    void loadsADropInPluginJarThroughPf4j() throws IOException {
        Path jar = PluginJars.write(plugins, "fake-plugin", ">=0.1.0");
        PluginRegistry r = PluginRegistry.discover(plugins, "0.1.0");
        BridgeBackend b = r.require(PluginKind.BRIDGE_BACKEND, BridgeBackend.class, "fake", "mosbridge");
        assertEquals("9.9", b.version());
        // Loaded by the plugin's own class loader, not the test's.
        assertNotSame(FakeBackend.class.getClassLoader(), b.getClass().getClassLoader());
        PluginInfo info = r.infos().stream().filter(i -> i.id().equals("fake")).findFirst().orElseThrow();
        assertEquals(jar.toString(), info.source());
        assertEquals("bridge backend", info.kind());
    }

    @Test
    void refusesAPluginBuiltForAnotherApiVersion() throws IOException {
        PluginJars.write(plugins, "future-plugin", ">=9.0.0");
        PluginRegistry r = PluginRegistry.discover(plugins, "0.1.0");
        assertTrue(r.find(PluginKind.BRIDGE_BACKEND, BridgeBackend.class, "fake").isEmpty());
        assertEquals(1, r.refused().size());
        assertTrue(r.refused().get(0).contains("requires mosnet API >=9.0.0 but this mosnet provides API 0.1.0"),
                r.refused().get(0));
    }
}
