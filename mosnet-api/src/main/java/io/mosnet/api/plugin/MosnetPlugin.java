package io.mosnet.api.plugin;

/**
 * What every mosnet plugin has: a stable id (the value users write, e.g. {@code mosbridge=ovs}) and a version.
 * Plugins are discovered by ServiceLoader (built in) or PF4J (dropped into the plugins directory); each kind
 * extends this interface and takes request objects so that it can grow without breaking implementations.
 */
public interface MosnetPlugin {

    /** The id users and other components refer to: lower case, {@code [a-z0-9-]+}. */
    String id();

    /** The plugin's own version; defaults to its module's version, else the implementation version of its jar. */
    default String version() {
        var descriptor = getClass().getModule().getDescriptor();
        if (descriptor != null && descriptor.rawVersion().isPresent()) {
            return descriptor.rawVersion().get();
        }
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    /** One line for {@code mosnet plugins}. */
    default String description() {
        return "";
    }
}
