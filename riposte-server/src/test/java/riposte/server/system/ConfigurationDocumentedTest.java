package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting of the server is documented: each {@code RIPOSTE_*} variable that {@code application.yml} or the
 * server's sources name has a row in {@code docs/configuration.md} giving its default as {@code application.yml}
 * has it, and each {@code riposte.*} key of {@code application.yml} is named there. An undocumented key fails here.
 */
class ConfigurationDocumentedTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(RIPOSTE_[A-Z0-9_]+):([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\bRIPOSTE_[A-Z0-9_]*[A-Z0-9]\\b");

    private final String doc = read(Path.of("..", "docs", "configuration.md"));
    private final String yml = read(Path.of("src", "main", "resources", "application.yml"));

    @Test
    void everyVariableOfApplicationYmlIsARowWithItsDefault() {
        Map<String, String> defaults = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(yml);
        while (m.find()) defaults.put(m.group(1), m.group(2));
        assertThat(defaults).containsKeys("RIPOSTE_DB_URL", "RIPOSTE_LOG_FORMAT", "RIPOSTE_DB_POOL_SIZE");
        defaults.forEach((variable, value) -> {
            String row = rowOf(variable);
            assertThat(row).as("docs/configuration.md has a table row for %s", variable).isNotNull();
            String shown = value.replace(";DB_CLOSE_ON_EXIT=FALSE", "");
            if (!shown.isEmpty()) {
                assertThat(row).as("the row of %s gives the default %s", variable, shown).contains("`" + shown + "`");
            }
        });
    }

    @Test
    void everyVariableTheServerNamesIsDocumented() throws IOException {
        var named = new TreeSet<String>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main"))) {
            for (Path p : sources.filter(Files::isRegularFile).toList()) {
                Matcher m = VARIABLE.matcher(read(p));
                while (m.find()) named.add(m.group());
            }
        }
        named.remove("RIPOSTE_SESSION"); // the session cookie's name, not a variable
        assertThat(named).contains("RIPOSTE_LOG_FORMAT", "RIPOSTE_DB_POOL_SIZE");
        for (String variable : named) {
            assertThat(doc).as("docs/configuration.md documents %s", variable).contains("`" + variable + "`");
        }
    }

    @Test
    void everyRiposteKeyOfApplicationYmlIsNamed() {
        var keys = new TreeSet<String>();
        String[] path = new String[20];
        for (String line : yml.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#") || !line.contains(":")) continue;
            int indent = (line.length() - line.stripLeading().length()) / 2;
            String key = line.strip().substring(0, line.strip().indexOf(':'));
            path[indent] = key;
            String value = line.substring(line.indexOf(':') + 1).strip();
            if (!value.isEmpty() && path[0].equals("riposte")) keys.add(String.join(".", java.util.Arrays.copyOf(path, indent + 1)));
        }
        assertThat(keys).contains("riposte.server.blob-sweep-grace", "riposte.security.login.backoff");
        for (String key : keys) {
            assertThat(doc).as("docs/configuration.md names %s", key).contains("`" + key + "`");
        }
    }

    private String rowOf(String variable) {
        return doc.lines().filter(l -> l.startsWith("|") && l.contains("`" + variable + "`")).findFirst().orElse(null);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
