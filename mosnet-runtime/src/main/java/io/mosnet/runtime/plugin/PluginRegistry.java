package io.mosnet.runtime.plugin;

import io.mosnet.api.bridge.BridgeBackend;
import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginKind;
import io.mosnet.api.state.PluginInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin the runtime found, built in (ServiceLoader over the module path) or dropped in (PF4J), in one place.
 * Ids are unique per kind: two plugins of one kind with one id are a hard error naming both locations.
 */
public final class PluginRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    /** A loaded plugin and where it came from. */
    public record Entry(PluginKind kind, MosnetPlugin plugin, String source) {

        public PluginInfo info() {
            return new PluginInfo(plugin.id(), kind.label(), plugin.version(), source);
        }
    }

    private final List<Entry> entries;
    private final List<String> refused;
    private final DropInCatalog catalog;

    PluginRegistry(List<Entry> entries, List<String> refused, DropInCatalog catalog) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < i; j++) {
                Entry a = entries.get(j);
                Entry b = entries.get(i);
                if (a.kind() == b.kind() && a.plugin().id().equals(b.plugin().id())) {
                    throw new PluginException("two " + a.kind().label() + " plugins have the id '" + a.plugin().id()
                            + "': " + a.source() + " and " + b.source() + "; remove one of them");
                }
            }
        }
        this.entries = List.copyOf(entries);
        this.refused = List.copyOf(refused);
        this.catalog = catalog;
        for (Entry e : this.entries) {
            LOG.info("plugin {} {} {} from {}", e.kind().label(), e.plugin().id(), e.plugin().version(), e.source());
        }
    }

    /** Discovers built-in plugins and, when the directory holds any, drop-in plugin files. */
    public static PluginRegistry discover(java.nio.file.Path pluginsDir, String apiVersion) {
        List<Entry> all = new ArrayList<>(BuiltinPlugins.discover());
        List<String> refused = new ArrayList<>();
        if (pluginsDir != null && DropInPlugins.hasPluginFiles(pluginsDir)) {
            DropInPlugins.Result r = DropInPlugins.load(pluginsDir, apiVersion);
            all.addAll(r.entries());
            refused.addAll(r.refused());
        }
        return new PluginRegistry(all, refused, new DropInCatalog(pluginsDir));
    }

    /** For tests and embedders: a registry of the given entries. */
    public static PluginRegistry of(List<Entry> entries, java.nio.file.Path pluginsDir) {
        return new PluginRegistry(entries, List.of(), new DropInCatalog(pluginsDir));
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<PluginInfo> infos() {
        return entries.stream().map(Entry::info).toList();
    }

    /** Plugin files that were found but refused (incompatible API version, broken descriptor), with the reason. */
    public List<String> refused() {
        return refused;
    }

    public <T extends MosnetPlugin> List<T> all(PluginKind kind, Class<T> type) {
        return entries.stream().filter(e -> e.kind() == kind).map(e -> type.cast(e.plugin())).toList();
    }

    public <T extends MosnetPlugin> Optional<T> find(PluginKind kind, Class<T> type, String id) {
        return entries.stream().filter(e -> e.kind() == kind && e.plugin().id().equals(id))
                .map(e -> type.cast(e.plugin())).findFirst();
    }

    /**
     * The plugin of {@code kind} with {@code id}, or a {@link PluginException} that lists what is installed and
     * which file provides the missing one.
     *
     * @param parameter the setting that asked for it, for the message ({@code mosbridge})
     */
    public <T extends MosnetPlugin> T require(PluginKind kind, Class<T> type, String id, String parameter) {
        return find(kind, type, id).orElseThrow(() -> notInstalled(kind, id, parameter));
    }

    /**
     * The bridge backend for {@code mosbridge}: the one named, or when none is named {@code ovs} if installed and
     * {@code linux} otherwise.
     */
    public BridgeBackend bridgeBackend(String requested) {
        if (requested != null) {
            return require(PluginKind.BRIDGE_BACKEND, BridgeBackend.class, requested, "mosbridge");
        }
        return find(PluginKind.BRIDGE_BACKEND, BridgeBackend.class, "ovs")
                .or(() -> find(PluginKind.BRIDGE_BACKEND, BridgeBackend.class, "linux"))
                .orElseThrow(() -> notInstalled(PluginKind.BRIDGE_BACKEND, "linux", "mosbridge"));
    }

    private PluginException notInstalled(PluginKind kind, String id, String parameter) {
        String installed = entries.stream().filter(e -> e.kind() == kind).map(e -> e.plugin().id()).sorted()
                .collect(Collectors.joining(", "));
        StringBuilder m = new StringBuilder(parameter + "=" + id + ": no " + kind.label() + " '" + id
                + "' is installed; installed: " + (installed.isEmpty() ? "none" : installed) + ".");
        catalog.hint(id).ifPresent(h -> m.append(' ').append(h));
        refused.stream().filter(r -> r.contains("'" + id + "'")).forEach(r -> m.append(" (").append(r).append(')'));
        return new PluginException(m.toString());
    }

    static Comparator<Entry> order() {
        return Comparator.comparing((Entry e) -> e.kind()).thenComparing(e -> e.plugin().id());
    }
}
