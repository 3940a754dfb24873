package io.mosnet.runtime.plugin;

import io.mosnet.api.plugin.MosnetPlugin;
import io.mosnet.api.plugin.PluginKind;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Plugins on the module path (or class path), found with ServiceLoader: the runtime module {@code uses} each plugin
 * kind and built-in plugin modules {@code provides} them.
 */
final class BuiltinPlugins {

    private BuiltinPlugins() {
    }

    static List<PluginRegistry.Entry> discover() {
        List<PluginRegistry.Entry> out = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            load(kind, kind.service(), out);
        }
        return out;
    }

    private static <T extends MosnetPlugin> void load(PluginKind kind, Class<T> service, List<PluginRegistry.Entry> out) {
        ServiceLoader.load(service, BuiltinPlugins.class.getClassLoader()).stream().forEach(p -> {
            Class<? extends T> type = p.type();
            out.add(new PluginRegistry.Entry(kind, p.get(), source(type)));
        });
    }

    static String source(Class<?> type) {
        Module m = type.getModule();
        if (m.isNamed()) {
            return "builtin (module " + m.getName() + ")";
        }
        var cs = type.getProtectionDomain().getCodeSource();
        return "builtin (" + (cs == null ? type.getName() : cs.getLocation()) + ")";
    }
}
