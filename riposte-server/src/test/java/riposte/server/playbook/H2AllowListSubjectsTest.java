package riposte.server.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookSubject;
import riposte.server.ApiTestBase;

/** Playbooks see {@code allowlisted} and {@code allowlistReason} on indicators and artifacts, usable in CEL. */
class H2AllowListSubjectsTest extends ApiTestBase {
    @Autowired
    PlaybookSubjects subjects;
    @Autowired
    PlaybookLibrary library;

    @Test
    void indicatorsAndArtifactsCarryTheAllowListForConditions() {
        String domain = unique("subjects") + ".example";
        long entry = post("/api/v1/allowlist", Map.of("entries", List.of(Map.of("value", "*." + domain,
                "reason", "intranet")))).body().get(0).get("id").asLong();
        long listed = post("/api/v1/indicators", Map.of("value", "www." + domain)).get("id").asLong();
        long other = post("/api/v1/indicators", Map.of("value", domain)).get("id").asLong();
        long incident = post("/api/v1/incidents", Map.of("name", unique("subjects"), "severity", "LOW"))
                .get("id").asLong();
        long artifact = post("/api/v1/incidents/" + incident + "/artifacts", Map.of("value", "cdn." + domain))
                .get("id").asLong();

        PlaybookSubject a = load(ObjectKind.INDICATOR, listed);
        assertThat(a.data()).containsEntry("allowlisted", true)
                .containsEntry("allowlistReason", "intranet (allow-list entry *." + domain + ")");
        assertThat(load(ObjectKind.INDICATOR, other).data()).containsEntry("allowlisted", false)
                .containsEntry("allowlistReason", "");
        PlaybookSubject art = load(ObjectKind.ARTIFACT, artifact);
        assertThat(art.data()).containsEntry("allowListed", true).containsEntry("allowlisted", true)
                .containsEntry("allowlistReason", "intranet (allow-list entry *." + domain + ")")
                .doesNotContainKey("_allowListReason");

        var guard = library.expressions().condition("!indicator.allowlisted");
        assertThat(guard.test(Map.of("indicator", a.data()))).isFalse();
        assertThat(guard.test(Map.of("indicator", load(ObjectKind.INDICATOR, other).data()))).isTrue();
        assertThat(library.expressions().condition("artifact.allowlisted && artifact.allowlistReason != ''")
                .test(Map.of("artifact", art.data()))).isTrue();
        assertThat(delete("/api/v1/allowlist/" + entry).status()).isEqualTo(204);
        assertThat(load(ObjectKind.INDICATOR, listed).data()).containsEntry("allowlisted", false);
        assertThat(load(ObjectKind.ARTIFACT, artifact).data()).as("the artifact keeps its flag")
                .containsEntry("allowlisted", true);
    }

    private PlaybookSubject load(ObjectKind kind, long id) {
        return subjects.load(new ObjectRef(kind, null, String.valueOf(id))).orElseThrow();
    }
}
