package riposte.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionCatalogSepmTest {
    private final FunctionCatalog catalog = FunctionCatalog.symantec();

    @Test
    void declaresTheFourteenFunctionsOfTheGuideWithScanAndRemediationApart() {
        List<String> sepm = catalog.names().stream().filter(n -> n.startsWith("sepm.")).toList();
        assertThat(sepm).containsExactly("sepm.eocScan", "sepm.remediate", "sepm.uploadFile", "sepm.fileContent",
                "sepm.computers", "sepm.moveEndpoint", "sepm.quarantineEndpoints", "sepm.fingerprintList",
                "sepm.addFingerprintList", "sepm.updateFingerprintList", "sepm.deleteFingerprintList", "sepm.groups",
                "sepm.assignFingerprintList", "sepm.commandStatus", "sepm.domains");
    }

    @Test
    void everySepmFunctionTakesAConnectionAndSaysWhichItUsed() {
        catalog.names().stream().filter(n -> n.startsWith("sepm.")).map(n -> catalog.find(n).orElseThrow())
                .forEach(f -> {
                    assertThat(f.optionalInputs()).as(f.name()).contains("connection");
                    assertThat(f.outputs()).as(f.name()).contains("connection");
                });
    }

    @Test
    void whatChangesEndpointsOrPolicyIsDestructiveAndReadsAreNot() {
        Set<String> destructive = Set.of("sepm.remediate", "sepm.quarantineEndpoints", "sepm.moveEndpoint",
                "sepm.addFingerprintList", "sepm.updateFingerprintList", "sepm.deleteFingerprintList",
                "sepm.assignFingerprintList");
        catalog.names().stream().filter(n -> n.startsWith("sepm.")).map(n -> catalog.find(n).orElseThrow())
                .forEach(f -> assertThat(f.destructive()).as(f.name()).isEqualTo(destructive.contains(f.name())));
    }

    @Test
    void keepsTheInputsPlaybooksAlreadyUse() {
        FunctionSpec scan = catalog.find("sepm.eocScan").orElseThrow();
        assertThat(scan.requiredInputs()).containsExactly("scanType");
        assertThat(scan.optionalInputs()).contains("computerIds", "groupIds", "filePath", "sha256", "sha1", "md5");
        assertThat(catalog.find("sepm.commandStatus").orElseThrow().outputs())
                .contains("state", "complete", "endpoints", "matches", "raw");
        assertThat(catalog.find("sepm.fileContent").orElseThrow().outputs())
                .contains("base64", "sha256", "name", "size");
    }
}
