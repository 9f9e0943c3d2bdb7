package riposte.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.IndicatorParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MispEventTest {
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

    private static ExportedIndicator of(String value, Tlp tlp, Verdict verdict, List<String> tags) {
        return new ExportedIndicator(IndicatorParser.parse(value), T, T, OptionalInt.empty(), Optional.of("\"</x>"))
                .withTlp(tlp).withContext(tags, verdict, List.of(), List.of());
    }

    @Test
    void anEventHasFileObjectsAttributesWithCategoriesTypesTagsAndReadsBackTheSameIndicators() {
        List<ExportedIndicator> input = List.of(of(SHA256, Tlp.RED, Verdict.MALICIOUS, List.of("campaign-x")),
                of("evil.example", Tlp.GREEN, Verdict.SUSPICIOUS, List.of()),
                of("198.51.100.7", Tlp.AMBER, Verdict.BENIGN, List.of()),
                of("CVE-2023-35311", Tlp.CLEAR, Verdict.UNKNOWN, List.of()));
        var event = new MispEventWriter.Event("incident:7", "Phishing \"wave\"", LocalDate.of(2026, 3, 1), T, 1,
                Tlp.AMBER, List.of());
        var out = new ByteArrayOutputStream();
        MispEventWriter.write(out, event, input);
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode e = JsonMapper.shared().readTree(text).get("Event");
        assertThat(e.get("info").asString()).isEqualTo("Phishing \"wave\"");
        assertThat(e.get("uuid").asString()).isEqualTo(MispEventWriter.eventUuid("incident:7"));
        assertThat(e.get("distribution").asString()).isEqualTo("1");
        assertThat(e.get("Tag").get(0).get("name").asString()).isEqualTo("tlp:amber");
        JsonNode file = e.get("Object").get(0);
        assertThat(file.get("template_uuid").asString()).isEqualTo(MispEventWriter.FILE_TEMPLATE);
        JsonNode hash = file.get("Attribute").get(0);
        assertThat(hash.get("object_relation").asString()).isEqualTo("sha256");
        assertThat(hash.get("category").asString()).isEqualTo("Payload delivery");
        assertThat(hash.get("to_ids").asBoolean()).isTrue();
        assertThat(hash.get("Tag").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("tlp:red", "riposte:verdict=\"malicious\"", "campaign-x");
        JsonNode attributes = e.get("Attribute");
        assertThat(attributes.get(0).get("type").asString()).isEqualTo("domain");
        assertThat(attributes.get(0).get("category").asString()).isEqualTo("Network activity");
        assertThat(attributes.get(1).get("type").asString()).isEqualTo("ip-dst");
        assertThat(attributes.get(1).get("to_ids").asBoolean()).isFalse();
        assertThat(attributes.get(2).get("type").asString()).isEqualTo("vulnerability");
        assertThat(attributes.get(2).get("to_ids").asBoolean()).isFalse();

        var read = MispEventReader.read(text);
        assertThat(read).extracting(ImportedIndicator::indicator).containsExactlyInAnyOrderElementsOf(
                input.stream().map(ExportedIndicator::indicator).toList());
        assertThat(read).filteredOn(i -> i.indicator().value().equals(SHA256)).singleElement()
                .satisfies(i -> {
                    assertThat(i.tlp()).contains(Tlp.RED);
                    assertThat(i.labels()).containsExactly("campaign-x");
                });
    }

    @Test
    void badEventsNameTheAttributeAndField() {
        assertThatThrownBy(() -> MispEventReader.read("{\"Event\":{\"info\":\"x\",\"Attribute\":[{\"type\":\"ip-dst\","
                + "\"value\":\"not-an-ip\"}]}}")).hasMessageContaining("Attribute 0").hasMessageContaining("'value'");
        assertThatThrownBy(() -> MispEventReader.read("{\"Event\":{\"info\":\"x\",\"Tag\":[{\"name\":\"tlp:purple\"}]}}"))
                .hasMessageContaining("tlp:purple");
        assertThatThrownBy(() -> MispEventReader.read("[1")).hasMessageContaining("not JSON");
        assertThat(MispEventReader.read("{\"Event\":{\"info\":\"x\",\"Attribute\":[{\"type\":\"text\",\"value\":\"hi\"},"
                + "{\"type\":\"filename|sha256\",\"value\":\"a.exe|" + SHA256 + "\"}]}}"))
                .extracting(i -> i.indicator().value()).containsExactly(SHA256);
    }
}
