package io.mosnet.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds PF4J plugin jars holding {@link FakeBackend}, as a third party would ship one. */
final class PluginJars {

    private PluginJars() {
    }

    static Path write(Path dir, String pluginId, String requires) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", "9.9.0");
        a.putValue("Plugin-Requires", requires);
        Path jar = dir.resolve(pluginId + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            String cls = FakeBackend.class.getName().replace('.', '/') + ".class";
            j.putNextEntry(new JarEntry(cls));
            try (InputStream in = FakeBackend.class.getClassLoader().getResourceAsStream(cls)) {
                in.transferTo(j);
            }
            j.putNextEntry(new JarEntry("META-INF/services/io.mosnet.api.bridge.BridgeBackend"));
            j.write((FakeBackend.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
