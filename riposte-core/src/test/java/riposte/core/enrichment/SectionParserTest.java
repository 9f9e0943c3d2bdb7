package riposte.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.Cve;
import riposte.core.indicator.Domain;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Sha256;

class SectionParserTest {
    static final Sha256 SHA = (Sha256) IndicatorParser.parse("eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d");

    @Test
    void fileInsightFixtureParsesEveryField() {
        String raw = """
                {"file":"eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d","firstSeen":"2020-12-01",
                 "lastSeen":"2020-12-01","reputation":"BAD","prevalence":"LessThanHundred",
                 "targetOrgs":{"topCountries":["us,in"],"topIndustries":["government,tecnology"]},
                 "actors":["Waterbug"],
                 "associatedReferences":[{"url":"https://threat-landscape-bulletin.broadcom.com/item/48e7","description":"New backdoor"}]}""";
        FileInsight fi = (FileInsight) SectionParser.parse(Section.INSIGHT, SHA, raw);
        assertThat(fi.reputation().kind()).isEqualTo(Reputation.Kind.BAD);
        assertThat(fi.prevalence().raw()).isEqualTo("LessThanHundred");
        assertThat(fi.prevalence().isKnown()).isTrue();
        assertThat(fi.firstSeen()).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(fi.topCountries()).containsExactly("us,in");
        assertThat(fi.actors()).containsExactly("Waterbug");
        assertThat(fi.associatedReferences()).extracting(FileInsight.Reference::description).containsExactly("New backdoor");
        assertThat(fi.raw()).isEqualTo(raw);
        assertThat(fi.echo()).isEqualTo(SHA.value());
        assertThat(fi.isEmpty()).isFalse();
    }

    @Test
    void networkInsightSkipsNullElementsAndKeepsCategories() {
        String raw = """
                {"network":"8.8.8.8","threatRiskLevel":{"level":2},
                 "categorization":{"categories":[{"id":96,"name":"Web Infrastructure"},null]},
                 "reputation":"GOOD","prevalence":"Medium","firstSeen":"2023-07-10","lastSeen":"2023-12-18",
                 "targetOrgs":{"topCountries":["hk","jp"],"topIndustries":[null,"Retail","Real Estate"]}}""";
        NetworkInsight ni = (NetworkInsight) SectionParser.parse(Section.INSIGHT, new Ipv4("8.8.8.8"), raw);
        assertThat(ni.threatRiskLevel()).isEqualTo(2);
        assertThat(ni.categories()).containsExactly(new Category(96, "Web Infrastructure"));
        assertThat(ni.topIndustries()).containsExactly("Retail", "Real Estate");
        assertThat(ni.reputation().kind()).isEqualTo(Reputation.Kind.GOOD);
    }

    @Test
    void unknownEnumValuesAreKeptVerbatim() {
        String raw = """
                {"network":"x.example","reputation":"NEUTRALISH","prevalence":"Gazillions","threatRiskLevel":7}""";
        NetworkInsight ni = (NetworkInsight) SectionParser.parse(Section.INSIGHT, new Domain("evil-site.com"), raw);
        assertThat(ni.reputation().kind()).isEqualTo(Reputation.Kind.UNRECOGNISED);
        assertThat(ni.reputation().raw()).isEqualTo("NEUTRALISH");
        assertThat(ni.prevalence().isKnown()).isFalse();
        assertThat(ni.threatRiskLevel()).isEqualTo(7);
    }

    @Test
    void echoOnlyReplyIsEmptyAndMissingFieldsAreNull() {
        FileInsight fi = (FileInsight) SectionParser.parse(Section.INSIGHT, SHA, "{\"file\":\"" + SHA.value() + "\"}");
        assertThat(fi.isEmpty()).isTrue();
        assertThat(fi.reputation()).isNull();
        assertThat(fi.firstSeen()).isNull();
        assertThat(fi.topCountries()).isEmpty();
    }

    @Test
    void wrongTypesAndBadDatesBecomeNull() {
        String raw = """
                {"file":"x","reputation":{"odd":1},"firstSeen":"yesterday","lastSeen":42,"actors":"Waterbug",
                 "targetOrgs":[1,2]}""";
        FileInsight fi = (FileInsight) SectionParser.parse(Section.INSIGHT, SHA, raw);
        assertThat(fi.reputation()).isNull();
        assertThat(fi.firstSeen()).isNull();
        assertThat(fi.lastSeen()).isNull();
        assertThat(fi.actors()).isEmpty();
    }

    @Test
    void protectionAcceptsFileAsCveEchoKeyAndUnknownTechnology() {
        String raw = """
                {"file":"CVE-2017-0038","state":[null,{"technology":"Quantum Shield","firstDefsetVersion":"2023.03.14.024",
                 "threatName":"Web Attack: X"},{"technology":"Intrusion Prevention System"}]}""";
        Protection p = (Protection) SectionParser.parse(Section.PROTECTION, new Cve("CVE-2017-0038"), raw);
        assertThat(p.echoKey()).isEqualTo("file");
        assertThat(p.echo()).isEqualTo("CVE-2017-0038");
        assertThat(p.detections()).hasSize(2);
        assertThat(p.detections().get(0).technology().kind()).isEqualTo(Technology.Kind.UNRECOGNISED);
        assertThat(p.detections().get(0).technology().raw()).isEqualTo("Quantum Shield");
        assertThat(p.detections().get(1).technology().kind()).isEqualTo(Technology.Kind.INTRUSION_PREVENTION);
        assertThat(p.detections().get(1).threatName()).isNull();

        Protection live = (Protection) SectionParser.parse(Section.PROTECTION, new Cve("CVE-2023-35311"),
                "{\"cve\":\"CVE-2023-35311\",\"state\":[]}");
        assertThat(live.echoKey()).isEqualTo("cve");
        assertThat(live.isEmpty()).isTrue();
    }

    @Test
    void relatedKeepsUnknownRelationsAndTypes() {
        String raw = """
                {"file":"x","related":[{"iocType":"File","iocValues":["a",null,"b"],"relation":"byProcessChain"},
                 {"iocType":"Filename","iocValues":["c.exe"],"relation":"byMoonPhase"}, null]}""";
        Related r = (Related) SectionParser.parse(Section.RELATED, SHA, raw);
        assertThat(r.groups()).containsExactly(new Related.Group("File", java.util.List.of("a", "b"), "byProcessChain"),
                new Related.Group("Filename", java.util.List.of("c.exe"), "byMoonPhase"));
    }

    @Test
    void processChainIsNestedAndFlattened() {
        String raw = """
                {"file":"x","chain":[{"parent":{"parent":{"file":"6a67","processName":"explorer.exe"},
                 "file":"f686","processName":"chrome.exe"}}, null, {"parent":{"file":"aaaa","processName":"cmd.exe"}}]}""";
        ProcessChain pc = (ProcessChain) SectionParser.parse(Section.PROCESS_CHAIN, SHA, raw);
        assertThat(pc.lineages()).hasSize(2);
        assertThat(pc.lineages().get(0).processName()).isEqualTo("chrome.exe");
        assertThat(pc.lineages().get(0).parent().processName()).isEqualTo("explorer.exe");
        assertThat(pc.flattened().get(0)).extracting(ProcessChain.Node::processName)
                .containsExactly("chrome.exe", "explorer.exe");
    }

    @Test
    void historyEntriesAreBestEffort() {
        String raw = """
                {"network":"x.example","history":[{"date":"2024-01-02","threatRiskLevel":{"level":9},
                 "categorization":{"categories":[{"id":43,"name":"Malicious Sources/Malnets"}]}},null,{"odd":true}]}""";
        NetworkHistory h = (NetworkHistory) SectionParser.parse(Section.HISTORY, new Domain("evil-site.com"), raw);
        assertThat(h.entries()).hasSize(2);
        assertThat(h.entries().get(0).threatRiskLevel()).isEqualTo(9);
        assertThat(h.entries().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(h.entries().get(1).raw()).contains("odd");
    }

    @Test
    void nonJsonBodiesAreMalformedReplies() {
        assertThatThrownBy(() -> SectionParser.parse(Section.INSIGHT, SHA, "<html>oops</html>"))
                .isInstanceOf(MalformedReplyException.class).hasMessageNotContaining("oops");
        assertThatThrownBy(() -> SectionParser.parse(Section.INSIGHT, SHA, ""))
                .isInstanceOf(MalformedReplyException.class);
        assertThatThrownBy(() -> SectionParser.parse(Section.INSIGHT, SHA, "[1,2]"))
                .isInstanceOf(MalformedReplyException.class);
    }
}
