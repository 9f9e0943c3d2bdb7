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

    @Test
    void tlpMarkingsSymantecAnswersAndRelationsAreLinkedObjects() {
        var exported = new ExportedIndicator(IndicatorParser.parse(EMPTY_SHA256), T0, T1, OptionalInt.of(90),
                Optional.empty()).withTlp(Tlp.AMBER_STRICT).withContext(List.of("phishing"),
                riposte.core.enrichment.Verdict.MALICIOUS, List.of("Trojan.Gen.2"),
                List.of(IndicatorParser.parse("evil.example")));
        var out = new ByteArrayOutputStream();
        try (var writer = new StixBundleWriter(out)) {
            writer.write(exported);
            writer.write(exported.withContext(List.of(), riposte.core.enrichment.Verdict.UNKNOWN,
                    List.of("Trojan.Gen.2"), List.of()));
        }
        List<JsonNode> objects = new ArrayList<>();
        JsonMapper.shared().readTree(out.toString(StandardCharsets.UTF_8)).get("objects").forEach(objects::add);
        assertThat(objects).extracting(o -> o.get("type").asString()).containsExactly("identity",
                "marking-definition", "indicator", "file", "relationship", "malware", "relationship", "note",
                "relationship", "indicator", "file", "relationship", "relationship");
        // the marking as OASIS publishes it (cti-stix-common-objects, tlp-2.0/examples/tlp-amber+strict.json)
        assertThat(objects.get(1)).isEqualTo(JsonMapper.shared().readTree("""
                {"type":"marking-definition","spec_version":"2.1",
                 "id":"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003","created":"2022-10-01T00:00:00.000Z",
                 "name":"TLP:AMBER+STRICT","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
                 {"extension_type":"property-extension","tlp_2_0":"amber+strict"}}}"""));
        String indicatorId = objects.get(2).get("id").asString();
        for (int i : new int[] {2, 3, 4, 6, 7, 8}) {
            assertThat(objects.get(i).get("object_marking_refs").get(0).asString())
                    .isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        }
        assertThat(objects.get(2).get("indicator_types").get(0).asString()).isEqualTo("malicious-activity");
        assertThat(objects.get(2).get("labels").get(0).asString()).isEqualTo("phishing");
        assertThat(objects.get(5).get("name").asString()).isEqualTo("Trojan.Gen.2");
        assertThat(objects.get(5).get("is_family").asBoolean()).isTrue();
        assertThat(objects.get(6).get("relationship_type").asString()).isEqualTo("indicates");
        assertThat(objects.get(6).get("source_ref").asString()).isEqualTo(indicatorId);
        assertThat(objects.get(6).get("target_ref").asString()).isEqualTo(objects.get(5).get("id").asString());
        assertThat(objects.get(7).get("object_refs").get(0).asString()).isEqualTo(indicatorId);
        assertThat(objects.get(7).get("content").asString()).contains("MALICIOUS", "Trojan.Gen.2");
        assertThat(objects.get(8).get("relationship_type").asString()).isEqualTo("related-to");
        assertThat(objects.get(8).get("target_ref").asString())
                .isEqualTo(StixBundleWriter.objectId(IndicatorParser.parse("evil.example")));
        assertThat(objects.get(9).get("indicator_types").get(0).asString()).isEqualTo("unknown");

        var read = StixBundleReader.readAll(out.toString(StandardCharsets.UTF_8));
        assertThat(read.getFirst().tlp()).contains(Tlp.AMBER_STRICT);
        assertThat(read.getFirst().labels()).containsExactly("phishing");
        assertThat(read.getFirst().confidence()).hasValue(90);
    }

    @Test
    void tlpLevelsParseOrderAndReadTlp1Markings() {
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("amber_strict")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("tlp:white")).contains(Tlp.CLEAR);
        assertThat(Tlp.parse("purple")).isEmpty();
        assertThat(Tlp.AMBER.allows(Tlp.GREEN)).isTrue();
        assertThat(Tlp.AMBER.allows(Tlp.AMBER_STRICT)).isFalse();
        assertThat(Tlp.ofStixMarking("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed")).contains(Tlp.RED);
        assertThat(Tlp.RED.mispTag()).isEqualTo("tlp:red");
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
