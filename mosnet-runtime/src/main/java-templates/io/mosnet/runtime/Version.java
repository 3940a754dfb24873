package io.mosnet.runtime;

/**
 * mosnet's version and the plugin API version it provides, written into this class by the build
 * (templating-maven-plugin): constants rather than a resource, so that nothing opens the runtime's jar to read
 * them on the way to the network.
 */
public final class Version {

    private static final String VERSION = "${project.version}";
    private static final String API = "${mosnet.api.version}";

    private Version() {
    }

    public static String version() {
        return VERSION;
    }

    /** The version drop-in plugins' {@code Plugin-Requires} is checked against. */
    public static String apiVersion() {
        return API;
    }
}
