package riposte.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlaybookBuiltInsTest {
    private final PlaybookLoader loader = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions());

    @Test
    void everyBuiltInValidatesAndTheSeedsTwelveAreThereByName() {
        List<PlaybookDefinition> builtIns = loader.builtIns();
        List<String> names = builtIns.stream().map(PlaybookDefinition::name).toList();
        for (String kind : List.of("File", "Network")) {
            for (String api : List.of("Insight", "Related", "Protection")) {
                String name = "Symantec Threat Intelligence API - " + kind + " " + api;
                assertThat(names).contains(name, name + " JSON");
            }
        }
        assertThat(names).contains("Symantec Threat Intelligence API - Process Chain",
                "Symantec Threat Intelligence API - Process Chain JSON",
                "Symantec Threat Intelligence API - CVE Protection",
                "Symantec Threat Intelligence API - CVE Protection JSON",
                "Symantec Threat Intelligence API - Network History",
                "Symantec Threat Intelligence API - Network History JSON");
        assertThat(builtIns).hasSize(18).allSatisfy(d -> assertThat(d.destructive()).isFalse());
    }

    @Test
    void theIndexListsEveryPlaybookFileOfTheFolder() throws IOException {
        Path folder = Path.of("src/main/resources/playbooks");
        List<String> index = Files.readAllLines(folder.resolve("index.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList())
                    .isEqualTo(index);
        }
    }

    @Test
    void relatedVariantsOfferTheAssociatedIndicatorsInput() {
        assertThat(loader.builtIns()).filteredOn(d -> d.name().contains("Related")).hasSize(4).allSatisfy(d ->
                assertThat(d.input("createAssociated")).get()
                        .satisfies(i -> assertThat(i.type()).isEqualTo(InputType.BOOLEAN))
                        .satisfies(i -> assertThat(i.defaultValue()).isEqualTo(false)));
    }
}
