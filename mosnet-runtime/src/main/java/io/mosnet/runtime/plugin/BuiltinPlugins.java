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
        loader(service).stream().forEach(p -> {
            Class<? extends T> type = p.type();
            out.add(new PluginRegistry.Entry(kind, p.get(), source(type)));
        });
    }

    /**
     * On the module path, the providers of the runtime's own layer only: a class loader's ServiceLoader also looks
     * for META-INF/services files, which opens every jar of the module path (milliseconds, at start-up) to find
     * nothing more. On the class path (tests, embedding), the class loader's.
     */
    private static <T> ServiceLoader<T> loader(Class<T> service) {
        Module runtime = BuiltinPlugins.class.getModule();
        return runtime.isNamed() && runtime.getLayer() != null
                ? ServiceLoader.load(runtime.getLayer(), service)
                : ServiceLoader.load(service, BuiltinPlugins.class.getClassLoader());
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
