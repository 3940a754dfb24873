package io.mosnet.runtime.config;

import io.mosnet.api.config.MosnetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration: mosnet.toml first (when present), then the kernel command line, which overrides the file
 * setting by setting. Unknown {@code mos*} parameters are warned about; other kernel parameters are ignored.
 */
public final class ConfigLoader {

    /** The result: the validated configuration, warnings, and where each setting came from. */
    public record Loaded(MosnetConfig config, List<String> warnings, Map<Setting, String> origins) {

        /**
         * This configuration with {@code key} of {@code [plugins.<plugin>]} set to {@code value} unless mosnet.toml
         * already sets it (how mosnetd's {@code --ovsdb} reaches the OVS plugin).
         */
        public Loaded withPluginDefault(String plugin, String key, Object value) {
            Map<String, Object> settings = config.pluginSettings(plugin);
            if (settings.containsKey(key)) {
                return this;
            }
            Map<String, Object> merged = new java.util.LinkedHashMap<>(settings);
            merged.put(key, value);
            Map<String, Map<String, Object>> plugins = new java.util.LinkedHashMap<>(config.plugins());
            plugins.put(plugin, Map.copyOf(merged));
            return new Loaded(config.withPlugins(plugins), warnings, origins);
        }
    }

    private ConfigLoader() {
    }

    /**
     * @param cmdlineFile  /proc/cmdline or a file with the same format
     * @param configFile   mosnet.toml, or null; a missing file is fine only when it is the default path
     * @param configGiven  whether the user named the file (then it must exist)
     * @throws ConfigException with every problem found
     */
    public static Loaded load(Path cmdlineFile, Path configFile, boolean configGiven) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Setting, String> merged = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        Map<String, Map<String, Object>> plugins = Map.of();

        if (configFile != null && Files.exists(configFile)) {
            TomlConfig.Contents toml = TomlConfig.read(configFile);
            problems.addAll(toml.problems());
            merged.putAll(toml.settings());
            toml.settings().keySet().forEach(s -> origins.put(s, configFile.toString()));
            plugins = toml.plugins();
        } else if (configGiven) {
            problems.add("--config: '" + configFile + "' does not exist");
        }

        String cmdline;
        try {
            cmdline = Files.readString(cmdlineFile);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of("--cmdline: '" + cmdlineFile + "' does not exist"));
        } catch (IOException e) {
            throw new ConfigException(List.of("--cmdline: cannot read '" + cmdlineFile + "': " + e.getMessage()));
        }
        Map<Setting, String> fromCmdline = fromCmdline(cmdline, warnings);
        merged.putAll(fromCmdline);
        fromCmdline.keySet().forEach(s -> origins.put(s, "kernel command line"));

        MosnetConfig config;
        try {
            config = ConfigParser.parse(merged, plugins);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            throw new ConfigException(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Loaded(config, warnings, origins);
    }

    /**
     * The mos* settings of a command line (comment lines skipped, see {@link KernelCmdline#withoutCommentLines});
     * unknown mos* words and repeated settings become warnings.
     */
    public static Map<Setting, String> fromCmdline(String cmdline, List<String> warnings) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        for (KernelCmdline.Param p : KernelCmdline.parse(KernelCmdline.withoutCommentLines(cmdline))) {
            if (!p.key().startsWith("mos")) {
                continue;
            }
            var setting = Setting.byKey(p.key());
            if (setting.isEmpty()) {
                warnings.add("unknown parameter '" + p.key() + "' ignored; mosnet knows "
                        + String.join(", ", java.util.Arrays.stream(Setting.values()).map(Setting::key).toList()));
                continue;
            }
            if (p.value() == null) {
                warnings.add(p.key() + " has no value ('" + p.key() + "=...' expected: " + setting.get().expected()
                        + "); ignored");
                continue;
            }
            if (out.containsKey(setting.get())) {
                warnings.add(p.key() + " given more than once; the last one ('" + p.value() + "') wins");
            }
            out.put(setting.get(), p.value());
        }
        return out;
    }
}
