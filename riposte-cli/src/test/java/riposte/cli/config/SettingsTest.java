package riposte.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentBeatsFileBeatsDefault() throws Exception {
        Files.writeString(dir.resolve("riposte.yml"), """
                ses:
                  url: https://api.sep.eu.securitycloud.symantec.com
                  client-id: from-file
                cache:
                  ttl:
                    insight: 30m
                """);
        Settings s = Settings.load(null, Map.of("RIPOSTE_SES_CLIENT_ID", "from-env"), dir);
        assertThat(s.get(Setting.SES_CLIENT_ID)).contains("from-env");
        assertThat(s.value(Setting.SES_CLIENT_ID).source()).isEqualTo(Settings.Source.ENVIRONMENT);
        assertThat(s.get(Setting.SES_URL)).contains("https://api.sep.eu.securitycloud.symantec.com");
        assertThat(s.duration(Setting.CACHE_TTL_INSIGHT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.duration(Setting.SES_READ_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.value(Setting.SES_READ_TIMEOUT).source()).isEqualTo(Settings.Source.DEFAULT);
        assertThat(s.value(Setting.SES_CLIENT_SECRET).source()).isEqualTo(Settings.Source.UNSET);
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "ses:\n  clientid: x\n");
        assertThatThrownBy(() -> Settings.load(file, Map.of(), dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting 'ses.clientid'");
        Settings s = Settings.load(null, Map.of("RIPOSTE_SES_READ_TIMEOUT", "soon"), dir);
        assertThatThrownBy(() -> s.duration(Setting.SES_READ_TIMEOUT))
                .hasMessage("ses.read-timeout (RIPOSTE_SES_READ_TIMEOUT) is 'soon': expected a duration such as 30s, 500ms, 5m or 1h");
    }

    @Test
    void secretsAndProxyPasswordsAreMasked() {
        Settings s = Settings.load(null, Map.of("RIPOSTE_SES_CLIENT_SECRET", "hunter2",
                "RIPOSTE_SES_PROXY", "http://bob:pa55@proxy:3128"), dir);
        assertThat(s.value(Setting.SES_CLIENT_SECRET).shown()).isEqualTo("******");
        assertThat(s.value(Setting.SES_PROXY).shown()).isEqualTo("http://******@proxy:3128");
    }

    @Test
    void everySettingIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (Setting setting : Setting.values()) {
            assertThat(doc).as("docs/configuration.md documents " + setting.key())
                    .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` |");
            if (setting.defaultValue() != null && !setting.defaultValue().isEmpty()) {
                assertThat(doc).as("docs/configuration.md gives the default of " + setting.key())
                        .contains("| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | `"
                                + setting.defaultValue() + "` |");
            }
        }
    }

    @Test
    void serverSettingsFromTheFileReachTheServerUnlessTheEnvironmentSetsThem() throws Exception {
        Files.writeString(dir.resolve("riposte.yml"), """
                db:
                  url: jdbc:postgresql://db.internal:5432/riposte
                  pool-size: 16
                server:
                  url: http://127.0.0.1:9090
                  port: 9090
                  log-format: json
                """);
        Settings s = Settings.load(null, Map.of("RIPOSTE_PORT", "7070"), dir);
        assertThat(s.serverProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RIPOSTE_DB_URL", "jdbc:postgresql://db.internal:5432/riposte",
                "RIPOSTE_DB_POOL_SIZE", "16",
                "RIPOSTE_LOG_FORMAT", "json",
                "RIPOSTE_SERVER_URL", "http://127.0.0.1:9090"));
        assertThat(s.get(Setting.SERVE_PORT)).contains("7070");
        assertThat(s.get(Setting.SERVER_URL)).contains("http://127.0.0.1:9090");
    }

    @Test
    void everyServerSettingIsAVariableOfTheServerWithTheSameDefault() throws Exception {
        String yml;
        try (var in = getClass().getClassLoader().getResourceAsStream("application.yml")) {
            yml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (Setting setting : Setting.values()) {
            if (!setting.forServer()) continue;
            var m = java.util.regex.Pattern.compile("\\$\\{" + setting.environmentVariable() + ":([^}]*)}").matcher(yml);
            assertThat(m.find()).as("application.yml reads %s", setting.environmentVariable()).isTrue();
            String serverDefault = m.group(1).replace(";DB_CLOSE_ON_EXIT=FALSE", "");
            String expected = setting.defaultValue() == null || setting.defaultValue().equals("text") ? ""
                    : setting.defaultValue();
            assertThat(serverDefault).as("default of %s", setting.key()).isEqualTo(expected);
        }
    }
}
