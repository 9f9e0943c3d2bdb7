package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SesDeterminismTest {

    private static List<String> replies(SesSimulator sim, SesPopulation indicators) {
        var http = new SesHttp(sim);
        String token = http.token();
        List<String> paths = new ArrayList<>();
        for (long i : new long[] {0, 9, 149_999, 150_000, 999_999}) {
            String sha = indicators.file(i).value();
            paths.add("/v1/threat-intel/insight/file/" + sha);
            paths.add("/v1/threat-intel/protection/file/" + sha);
            paths.add("/v1/threat-intel/related/file/" + sha);
            paths.add("/v1/threat-intel/processchain/file/" + sha);
        }
        for (String network : new String[] {indicators.domain(4).value(), indicators.ip(4).value(),
                indicators.url(4).withoutScheme().replace("/", "%2F")}) {
            paths.add("/v1/threat-intel/insight/network/" + network);
            paths.add("/v1/threat-intel/insight/network/history/" + network);
            paths.add("/v1/threat-intel/protection/network/" + network);
            paths.add("/v1/threat-intel/related/network/" + network);
        }
        paths.add("/v1/threat-intel/protection/cve/" + indicators.cve(4).value());
        List<String> bodies = new ArrayList<>();
        for (String path : paths) bodies.add(http.get(path, token).body());
        return bodies;
    }

    @Test
    void sameSeedGivesByteIdenticalRepliesAndAnotherSeedDoesNot() {
        var indicators = new SesPopulation(42);
        try (var a = SesSimulator.builder().seed(42).build().start();
             var b = SesSimulator.builder().seed(42).build().start();
             var c = SesSimulator.builder().seed(43).build().start()) {
            List<String> first = replies(a, indicators);
            List<String> second = replies(b, indicators);
            List<String> other = replies(c, indicators);

            assertThat(second).isEqualTo(first);
            assertThat(first).allMatch(body -> body.length() > 40); // members, not echo-only replies
            // Seed 42's indicators are strangers to seed 43: echo-only or empty-array replies.
            assertThat(other.getFirst()).isEqualTo("{\"file\":\"" + indicators.file(0).value() + "\"}");
            assertThat(other).isNotEqualTo(first);
            // And seed 43's own population differs in content, not just in names.
            List<String> own = replies(c, new SesPopulation(43));
            assertThat(own.getFirst()).isNotEqualTo(first.getFirst()).doesNotStartWith("{\"file\":\"" + indicators.file(0).value());
            assertThat(own.getFirst().length()).isGreaterThan(80);
        }
    }
}
