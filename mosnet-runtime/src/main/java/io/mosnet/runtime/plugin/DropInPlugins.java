package io.mosnet.runtime.plugin;

import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Plugin files dropped into the plugins directory, loaded with PF4J. PF4J reads the plugin's descriptor (id, version,
 * {@code Plugin-Requires}), refuses plugins built for another API version, and gives each plugin its own class loader;
 * the plugin's services are then found with ServiceLoader over that class loader, from the same
 * {@code META-INF/services} files a built-in plugin ships, so a plugin is written the same way whichever way it is
 * installed.
 */
final class DropInPlugins {

    record Result(List<PluginRegistry.Entry> entries, List<String> refused) {
    }

    private DropInPlugins() {
    }

    /** Whether the directory holds anything PF4J would load; PF4J is not started otherwise (it costs start-up time). */
    static boolean hasPluginFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".jar") || n.endsWith(".zip") || Files.isDirectory(p);
            });
        } catch (IOException e) {
            throw new PluginException("cannot list plugins directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static Result load(Path dir, String apiVersion) {
        DefaultPluginManager pm = new DefaultPluginManager(dir);
        pm.setSystemVersion(apiVersion);
        pm.loadPlugins();
        pm.startPlugins();
        List<PluginRegistry.Entry> entries = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (PluginWrapper w : pm.getPlugins()) {
            String where = w.getPluginPath().toString();
            if (w.getPluginState() != PluginState.STARTED) {
                refused.add(refusal(pm, w, apiVersion));
                org.slf4j.LoggerFactory.getLogger(DropInPlugins.class).error("{}", refused.get(refused.size() - 1));
                continue;
            }
            ClassLoader loader = w.getPluginClassLoader();
            int before = entries.size();
            for (PluginKind kind : PluginKind.values()) {
                collect(kind, kind.service(), loader, where, entries);
            }
            if (entries.size() == before) {
                refused.add("plugin '" + w.getPluginId() + "' (" + where + ") provides no mosnet service: its jar has no "
                        + "META-INF/services entry for a mosnet plugin interface");
            }
        }
        return new Result(entries, refused);
    }

    private static <T extends MosnetPlugin> void collect(PluginKind kind, Class<T> service, ClassLoader loader,
                                                         String where, List<PluginRegistry.Entry> out) {
        ServiceLoader.load(service, loader).stream()
                // The plugin's class loader also sees the built-in providers through its parent; keep its own.
                .filter(p -> p.type().getClassLoader() == loader)
                .forEach(p -> {
                    try {
                        out.add(new PluginRegistry.Entry(kind, p.get(), where));
                    } catch (java.util.ServiceConfigurationError e) {
                        throw new PluginException("plugin file " + where + ": cannot create its " + kind.label() + " "
                                + p.type().getName() + ": " + e.getMessage(), e);
                    }
                });
    }

    private static String refusal(PluginManager pm, PluginWrapper w, String apiVersion) {
        String requires = w.getDescriptor().getRequires();
        String where = w.getPluginPath().toString();
        if (requires != null && !requires.isBlank() && !"*".equals(requires.trim())
                && !pm.getVersionManager().checkVersionConstraint(apiVersion, requires.trim())) {
            return "plugin '" + w.getPluginId() + "' " + w.getDescriptor().getVersion() + " (" + where
                    + ") was refused: it requires mosnet API " + requires + " but this mosnet provides API " + apiVersion
                    + "; install a build of the plugin for this mosnet version";
        }
        Throwable failure = w.getFailedException();
        return "plugin '" + w.getPluginId() + "' (" + where + ") was not loaded: state " + w.getPluginState()
                + (failure == null ? "" : ": " + failure);
    }
}
