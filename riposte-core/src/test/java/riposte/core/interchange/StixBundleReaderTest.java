package riposte.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;

class StixBundleReaderTest {

    @Test
    void whatTheWriterWritesReadsBackAsTheSameIndicators() {
        List<Indicator> indicators = List.of(
                IndicatorParser.parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e"),
                IndicatorParser.parse("da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                IndicatorParser.parse("evil.example"),
                IndicatorParser.parse("198.51.100.3"),
                IndicatorParser.parse("2001:db8::1"),
                IndicatorParser.parse("http://evil.example/a'b\\c?q='%20OR%201=1"),
                IndicatorParser.parse("CVE-2023-35311"));
        var out = new ByteArrayOutputStream();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        try (var writer = new StixBundleWriter(out)) {
            indicators.forEach(i -> writer.write(new ExportedIndicator(i, t, t, OptionalInt.empty(), Optional.empty())));
        }
        assertThat(StixBundleReader.read(out.toString(StandardCharsets.UTF_8))).isEqualTo(indicators);
    }

    @Test
    void readsTheSpecsIndicatorExample() {
        String bundle = """
                {"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","objects":[{
                  "type": "indicator", "spec_version": "2.1",
                  "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                  "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
                  "created": "2016-04-06T20:03:48.000Z", "modified": "2016-04-06T20:03:48.000Z",
                  "indicator_types": ["malicious-activity"], "name": "Poison Ivy Malware",
                  "description": "This file is part of Poison Ivy",
                  "pattern": "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
                  "pattern_type": "stix", "valid_from": "2016-01-01T00:00:00Z"}]}""";
        assertThat(StixBundleReader.read(bundle)).containsExactly(
                IndicatorParser.parse("4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877"));
    }

    @Test
    void hostileOrUnsupportedPatternsAreRefusedNamingObjectAndProperty() {
        assertThatThrownBy(() -> StixBundleReader.read(bundleWith("[domain-name:value = 'a.example' OR domain-name:value = 'b.example']")))
                .isInstanceOf(StixFormatException.class)
                .hasMessageContaining("object 0 (indicator--1)").hasMessageContaining("'pattern'");
        assertThatThrownBy(() -> StixBundleReader.read(bundleWith("[domain-name:value = 'a.example' ] OR [ url:value = 'x']")))
                .hasMessageContaining("'pattern'");
        assertThatThrownBy(() -> StixBundleReader.read(bundleWith("[ipv4-addr:value = 'not an address']")))
                .hasMessageContaining("object 0 (indicator--1): property 'pattern'");
        assertThatThrownBy(() -> StixBundleReader.read("{\"type\":\"bundle\",\"objects\":{}}"))
                .hasMessageContaining("'objects'");
        assertThatThrownBy(() -> StixBundleReader.read("[1"))
                .hasMessageContaining("not JSON");
    }

    private static String bundleWith(String pattern) {
        return "{\"type\":\"bundle\",\"id\":\"bundle--x\",\"objects\":[{\"type\":\"indicator\",\"id\":\"indicator--1\","
                + "\"pattern_type\":\"stix\",\"pattern\":" + tools.jackson.databind.json.JsonMapper.shared()
                        .writeValueAsString(pattern) + "}]}";
    }
}
