package io.mosnet.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** mosnet's version and the plugin API version it provides, from the build. */
public final class Version {

    private static final Properties PROPS = load();

    private Version() {
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The version drop-in plugins' {@code Plugin-Requires} is checked against. */
    public static String apiVersion() {
        return PROPS.getProperty("api", "0.0.0");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
