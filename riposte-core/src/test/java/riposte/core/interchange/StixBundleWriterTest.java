package riposte.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.IndicatorParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StixBundleWriterTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Instant T1 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void uuid5MatchesTheRfcExample() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(StixIds.uuid5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void scoIdsAreTheSpecsUuid5OverTheCanonicalContributingProperties() {
        // domain-name--bedb4899-… is the id the STIX 2.1 tooling gives example.com; the file id was computed
        // independently (Python's uuid.uuid5 over {"hashes":{"SHA-256":…}} in the STIX namespace).
        assertThat(StixObservable.of(IndicatorParser.parse("example.com")).id())
                .isEqualTo("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
        assertThat(StixObservable.of(IndicatorParser.parse(EMPTY_SHA256)).id())
                .isEqualTo("file--22f8ff52-8f62-5f03-a53a-6f50f54fd74c");
    }

    @Test
    void canonicalJsonStringsEscapeAsRfc8785Does() {
        assertThat(Jcs.string("a\"b\\c\n\u0001\u00e9/")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\u00e9/\"");
    }

    @Test
    void patternsFollowTheGrammarAndEscapeQuotesAndBackslashes() {
        assertThat(StixPatterns.of(IndicatorParser.parse(EMPTY_SHA256)))
                .isEqualTo("[file:hashes.'SHA-256' = '" + EMPTY_SHA256 + "']");
        assertThat(StixPatterns.of(IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e")))
                .isEqualTo("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']");
        assertThat(StixPatterns.of(IndicatorParser.parse("198.51.100.3"))).isEqualTo("[ipv4-addr:value = '198.51.100.3']");
        assertThat(StixPatterns.of(IndicatorParser.parse("2001:db8::1"))).isEqualTo("[ipv6-addr:value = '2001:db8::1']");
        assertThat(StixPatterns.of(IndicatorParser.parse("evil.example"))).isEqualTo("[domain-name:value = 'evil.example']");
        assertThat(StixPatterns.literal("x' OR [file:name = 'a\\b")).isEqualTo("'x\\' OR [file:name = \\'a\\\\b'");
        assertThat(StixPatterns.hasPattern(IndicatorParser.parse("CVE-2023-35311").type())).isFalse();
    }

    @Test
    void aBundleHoldsValidObjectsWithDeterministicIdsAndHostileTextAsData() {
        String hostile = "\"}]},{\"type\":\"x\" </script> \u0001 ' \\";
        List<ExportedIndicator> input = List.of(
                new ExportedIndicator(IndicatorParser.parse(EMPTY_SHA256), T0, T1, OptionalInt.of(85), Optional.of(hostile)),
                new ExportedIndicator(IndicatorParser.parse("http://evil.example/a'b"), T0, T0, OptionalInt.empty(), Optional.empty()),
                new ExportedIndicator(IndicatorParser.parse("CVE-2023-35311"), T0, T1, OptionalInt.empty(), Optional.empty()));
        JsonNode first = export(input);
        JsonNode again = export(input);

        assertThat(first.get("type").asString()).isEqualTo("bundle");
        assertThat(first.get("id").asString()).matches("bundle--[0-9a-f-]{36}");
        List<JsonNode> objects = new ArrayList<>();
        first.get("objects").forEach(objects::add);
        assertThat(objects).extracting(o -> o.get("type").asString()).containsExactly(
                "identity", "indicator", "file", "relationship", "indicator", "url", "relationship", "vulnerability");
        for (JsonNode o : objects) {
            assertThat(o.get("spec_version").asString()).isEqualTo("2.1");
            assertThat(o.get("id").asString()).startsWith(o.get("type").asString() + "--");
        }
        JsonNode indicator = objects.get(1);
        assertThat(indicator.get("created").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(indicator.get("modified").asString()).isEqualTo("2026-03-02T08:00:00.000Z");
        assertThat(indicator.get("valid_from").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(indicator.get("pattern_type").asString()).isEqualTo("stix");
        assertThat(indicator.get("confidence").asInt()).isEqualTo(85);
        assertThat(indicator.get("description").asString()).isEqualTo(hostile);
        assertThat(indicator.get("created_by_ref").asString()).isEqualTo(objects.get(0).get("id").asString());
        assertThat(objects.get(2).get("hashes").get("SHA-256").asString()).isEqualTo(EMPTY_SHA256);
        assertThat(objects.get(3).get("source_ref").asString()).isEqualTo(indicator.get("id").asString());
        assertThat(objects.get(3).get("target_ref").asString()).isEqualTo(objects.get(2).get("id").asString());
        assertThat(objects.get(4).get("pattern").asString()).isEqualTo("[url:value = 'http://evil.example/a\\'b']");
        assertThat(objects.get(7).get("external_references").get(0).get("external_id").asString())
                .isEqualTo("CVE-2023-35311");

        List<String> ids = new ArrayList<>();
        first.get("objects").forEach(o -> ids.add(o.get("id").asString()));
        List<String> idsAgain = new ArrayList<>();
        again.get("objects").forEach(o -> idsAgain.add(o.get("id").asString()));
        assertThat(idsAgain).isEqualTo(ids).doesNotHaveDuplicates();
    }

    @Test
    void typesWithoutAPatternAreRefusedByName() {
        var out = new ByteArrayOutputStream();
        try (var writer = new StixBundleWriter(out)) {
            assertThatThrownBy(() -> writer.write(new ExportedIndicator(
                            IndicatorParser.parse("/usr/local/bin/miner"), T0, T0, OptionalInt.empty(), Optional.empty())))
                    .hasMessageContaining("file path");
        }
    }

    private static JsonNode export(List<ExportedIndicator> input) {
        var out = new ByteArrayOutputStream();
        try (var writer = new StixBundleWriter(out)) {
            input.forEach(writer::write);
            assertThat(writer.objectCount()).isEqualTo(8);
        }
        return JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
