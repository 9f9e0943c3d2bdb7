package riposte.server.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every {@code riposte.ses.*} setting is in docs/configuration.md, with its environment variable. */
class SesSettingsDocumentationTest {

    @Test
    void everySesSettingIsDocumentedWithItsEnvironmentVariable() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        String yml = Files.readString(Path.of("src", "main", "resources", "application.yml"));
        for (var component : SesSettings.class.getRecordComponents()) {
            String kebab = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            String env = "RIPOSTE_SES_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT);
            assertThat(doc).as("docs/configuration.md documents riposte.ses." + kebab)
                    .contains("| `riposte.ses." + kebab + "` | `" + env + "` |");
            assertThat(yml).as("application.yml maps " + env).contains("    " + kebab + ": ${" + env + ":");
        }
    }
}
