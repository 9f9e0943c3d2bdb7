package riposte.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The effective configuration: environment variables over {@code riposte.yml} over defaults. The file is
 * {@code --config FILE}, else {@code $RIPOSTE_CONFIG}, else {@code ./riposte.yml} when it exists.
 */
public final class Settings {

    /** Where a value came from, for {@code riposte config show}. */
    public enum Source { ENVIRONMENT, FILE, DEFAULT, UNSET }

    public record Value(Setting setting, String value, Source source) {
        /** The value as it may be shown: secrets masked. */
        public String shown() {
            if (value == null) return "";
            if (setting.secret()) return "******";
            return value.replaceAll("//[^/@]+@", "//******@"); // a password inside a proxy URL
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Map<Setting, Value> values;
    private final Path file;

    private Settings(Map<Setting, Value> values, Path file) {
        this.values = values;
        this.file = file;
    }

    /** Loads from the process environment and the config file. */
    public static Settings load(Path explicitFile) {
        return load(explicitFile, System.getenv(), Path.of(""));
    }

    /** Loads with an explicit environment, for tests. */
    public static Settings load(Path explicitFile, Map<String, String> environment, Path workingDirectory) {
        Path file = explicitFile;
        if (file == null && environment.get("RIPOSTE_CONFIG") != null && !environment.get("RIPOSTE_CONFIG").isBlank()) {
            file = Path.of(environment.get("RIPOSTE_CONFIG"));
        }
        if (file == null && Files.isRegularFile(workingDirectory.resolve("riposte.yml"))) {
            file = workingDirectory.resolve("riposte.yml");
        }
        Map<String, String> fromFile = file == null ? Map.of() : readYaml(file);
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String env = environment.get(s.environmentVariable());
            if (env != null && !env.isBlank()) {
                values.put(s, new Value(s, env.strip(), Source.ENVIRONMENT));
            } else if (fromFile.containsKey(s.key())) {
                values.put(s, new Value(s, fromFile.get(s.key()), Source.FILE));
            } else if (s.defaultValue() != null) {
                values.put(s, new Value(s, s.defaultValue(), Source.DEFAULT));
            } else {
                values.put(s, new Value(s, null, Source.UNSET));
            }
        }
        return new Settings(values, file);
    }

    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting).value());
    }

    public Value value(Setting setting) {
        return values.get(setting);
    }

    /**
     * The settings that came from the configuration file, as {@code RIPOSTE_*=value} for the server's environment
     * (it reads the {@code RIPOSTE_*} names it knows: {@code db.*}, {@code server.*}, {@code ses.*}). Environment
     * variables are not included: the server sees those itself, and they win over the file either way. Defaults are
     * not included: they are the server's own.
     */
    public Map<String, String> serverProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            Value v = values.get(s);
            if (v.source() == Source.FILE) out.put(s.environmentVariable(), v.value());
        }
        return out;
    }

    /** The config file that was read, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public Duration duration(Setting setting) {
        return get(setting).map(v -> parse(setting, v, Settings::parseDuration, "a duration such as 30s, 500ms, 5m or 1h"))
                .orElse(null);
    }

    public Integer integer(Setting setting) {
        return get(setting).map(v -> parse(setting, v, Integer::valueOf, "a whole number")).orElse(null);
    }

    public Double decimal(Setting setting) {
        return get(setting).map(v -> parse(setting, v, Double::valueOf, "a number")).orElse(null);
    }

    private <T> T parse(Setting setting, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new ConfigurationException(setting.key() + " (" + setting.environmentVariable() + ") is '"
                    + value + "': expected " + expected);
        }
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException(text);
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static Map<String, String> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("configuration file " + file + " does not exist");
        }
        try {
            ObjectMapper yaml = YAMLMapper.builder().build();
            JsonNode root = yaml.readTree(Files.readString(file));
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) throw new ConfigurationException(file + ": expected a mapping of settings at the top");
                flatten("", root, flat);
            }
            for (String key : flat.keySet()) {
                boolean known = java.util.Arrays.stream(Setting.values()).anyMatch(s -> s.key().equals(key));
                if (!known) {
                    throw new ConfigurationException(file + ": unknown setting '" + key
                            + "'; the settings are listed in docs/configuration.md");
                }
            }
            return flat;
        } catch (JacksonException e) {
            throw new ConfigurationException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else if (!e.getValue().isNull()) {
                out.put(key, e.getValue().asString());
            }
        }
    }
}
