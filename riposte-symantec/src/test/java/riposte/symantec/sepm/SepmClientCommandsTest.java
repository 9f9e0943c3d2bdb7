package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import riposte.simulator.sepm.SepmSimulator;

/** EOC scan and remediation, upload and download, quarantine, cancel and timeouts, against the simulator. */
class SepmClientCommandsTest {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static SepmSimFixture f;
    static SepmClient sepm;

    @BeforeAll
    static void start() {
        f = SepmSimFixture.start(SepmSimulator.builder().endpoints(150).seed(21).offlineFraction(0.3).maliciousFraction(0.3));
        sepm = f.client();
    }

    @AfterAll
    static void stop() throws Exception {
        sepm.close();
        f.close();
    }

    /** A malicious SHA-256 with at least one online and one offline holder. */
    record Target(String sha256, List<String> online, List<String> offline) {}

    static Target target() {
        for (String hash : f.sim.maliciousSha256s()) {
            List<String> holders = f.sim.computersHolding(hash);
            List<String> online = holders.stream().filter(id -> sepm.computer(id).orElseThrow().online()).toList();
            List<String> offline = holders.stream().filter(id -> !online.contains(id)).toList();
            if (!online.isEmpty() && !offline.isEmpty()) return new Target(hash, online, offline);
        }
        throw new AssertionError("the seed gives no malicious hash with online and offline holders");
    }

    @Test
    void eocScanRunsToCompletionWithParsedMatchesAndOfflineEndpointsTimeOut() {
        Target t = target();
        List<String> all = java.util.stream.Stream.concat(t.online().stream(), t.offline().stream()).toList();
        Instant sent = f.clock.instant();
        CommandIds ids = sepm.eocScan(EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(all))
                .sha256(t.sha256()).description("Riposte test scan").build());
        String cmd = ids.forComputers().orElseThrow();
        assertThat(ids.forGroups()).isEmpty();
        assertThat(sepm.commandProgress(cmd, sent, TIMEOUT).overall().terminal()).isFalse();

        f.sim.advance(Duration.ofMinutes(5));
        List<CommandStatus> rows = sepm.commandStatus(cmd).toList();
        assertThat(rows).hasSize(all.size());
        for (CommandStatus row : rows) {
            if (t.online().contains(row.computerId())) {
                assertThat(row.state()).isEqualTo(CommandState.COMPLETED);
                EocResult result = row.eocResult().orElseThrow();
                assertThat(result.scanType()).isEqualTo("QUICK_SCAN");
                assertThat(result.matches()).isNotEmpty().allSatisfy(m -> {
                    assertThat(m).isInstanceOf(EocMatch.HashMatch.class);
                    assertThat(((EocMatch.HashMatch) m).hashType()).isEqualTo("SHA256");
                    assertThat(m.remediation()).isEqualTo(Remediation.NOT_REQUESTED);
                });
            } else {
                assertThat(row.state()).isEqualTo(CommandState.INITIAL);
                assertThat(row.eocResult()).isEmpty();
            }
        }
        CommandProgress progress = sepm.commandProgress(cmd, sent, TIMEOUT);
        assertThat(progress.overall()).isEqualTo(CommandProgress.Overall.IN_PROGRESS);
        assertThat(progress.count(CommandState.COMPLETED)).isEqualTo(t.online().size());

        f.sim.advance(TIMEOUT);
        CommandProgress late = sepm.commandProgress(cmd, sent, TIMEOUT);
        assertThat(late.overall()).isEqualTo(CommandProgress.Overall.TIMED_OUT);
        assertThat(late.pending()).extracting(CommandStatus::computerId).containsExactlyInAnyOrderElementsOf(t.offline());
    }

    @Test
    void remediationReportsPerMatchOutcomes() {
        Target t = target();
        CommandIds ids = sepm.eocScan(EocRequest.scan(ScanType.FULL_SCAN, Targets.computers(t.online()))
                .sha256(t.sha256()).remediate(true).build());
        f.sim.advance(Duration.ofMinutes(5));
        List<EocResult> results = sepm.commandStatus(ids.forComputers().orElseThrow())
                .map(r -> r.eocResult().orElseThrow()).toList();
        assertThat(results).hasSize(t.online().size()).allSatisfy(r -> {
            assertThat(r.remediationAction()).isEqualTo("REMEDIATE");
            assertThat(r.matches()).isNotEmpty().allSatisfy(m -> assertThat(m.remediation())
                    .isIn(Remediation.SUCCEEDED, Remediation.FAILED));
        });
        long remediated = results.stream().mapToLong(EocResult::remediatedCount).sum();
        assertThat(remediated).isPositive();
    }

    @Test
    void pathScanThenUploadedFileIsDecodedAndCheckedAgainstItsHash() {
        String computer = target().online().getFirst();
        String path = "C:\\Windows\\System32\\notepad.exe";
        CommandIds scan = sepm.eocScan(EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(computer)).filePath(path).build());
        f.sim.advance(Duration.ofMinutes(5));
        EocMatch.FullMatch match = (EocMatch.FullMatch) sepm.commandStatus(scan.forComputers().orElseThrow()).findFirst()
                .orElseThrow().eocResult().orElseThrow().matches().getFirst();
        assertThat(match.path()).isEqualToIgnoringCase(path);
        assertThat(match.hashValue()).hasSize(64);

        String upload = sepm.uploadFile(List.of(computer), match.path(), match.hashValue(), FileSource.FILESYSTEM);
        f.sim.advance(Duration.ofMinutes(5));
        CommandStatus row = sepm.commandStatus(upload).findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(CommandState.COMPLETED);
        String fileId = row.fileId().orElseThrow();
        FileContent content = sepm.fileContent(fileId, match.hashValue());
        assertThat(content.sha256()).isEqualTo(match.hashValue());
        assertThat(content.bytes()[0]).isEqualTo((byte) 'M');
        FileDetails details = sepm.fileDetails(fileId);
        assertThat(details.fileSize()).isEqualTo((long) content.size());
        assertThatThrownBy(() -> sepm.fileContent(fileId, "0".repeat(32))).isInstanceOf(SepmProtocolException.class);
        assertThatThrownBy(() -> sepm.fileContent("0123456789ABCDEF0123456789ABCDEF", null))
                .isInstanceOfSatisfying(SepmApiException.class, e -> assertThat(e.notFound()).isTrue());

        String missing = sepm.uploadFile(List.of(computer), "C:\\no\\such\\file.exe", null, null);
        f.sim.advance(Duration.ofMinutes(5));
        CommandStatus failed = sepm.commandStatus(missing).findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo(CommandState.ERROR);
        assertThat(failed.fileId()).isEmpty();
    }

    @Test
    void quarantineAndUndo() {
        String computer = target().online().getFirst();
        Instant sent = f.clock.instant();
        CommandIds q = sepm.quarantine(Targets.computers(computer));
        CommandIds undo;
        f.sim.advance(Duration.ofMinutes(5));
        assertThat(sepm.commandProgress(q.forComputers().orElseThrow(), sent, TIMEOUT).overall())
                .isEqualTo(CommandProgress.Overall.COMPLETED);
        undo = sepm.undoQuarantine(Targets.computers(computer));
        assertThat(undo.forComputers()).isPresent().isNotEqualTo(q.forComputers());
        f.sim.advance(Duration.ofMinutes(5));
        assertThat(sepm.commandStatus(undo.forComputers().orElseThrow()).map(CommandStatus::state).toList())
                .containsOnly(CommandState.COMPLETED);
        Group group = sepm.groups(GroupQuery.all()).filter(g -> g.numberOfPhysicalComputers() != null && g.numberOfPhysicalComputers() > 0)
                .findFirst().orElseThrow();
        CommandIds both = sepm.quarantine(Targets.computers(computer).andGroups(group.id()));
        assertThat(both.forComputers()).isPresent();
        assertThat(both.forGroups()).isPresent();
    }

    @Test
    void cancelStopsPendingEndpoints() {
        List<String> online = target().online();
        CommandIds ids = sepm.eocScan(EocRequest.scan(ScanType.FULL_SCAN, Targets.computers(online)).filePath("C:\\evil.exe").build());
        String cmd = ids.forComputers().orElseThrow();
        String cancel = sepm.cancelCommand(cmd);
        assertThat(cancel).isNotEqualTo(cmd).matches("[0-9A-F]{32}");
        f.sim.advance(Duration.ofMinutes(5));
        assertThat(sepm.commandStatus(cmd).map(CommandStatus::state).toList()).containsOnly(CommandState.CANCELLED);
        assertThatThrownBy(() -> sepm.commandStatus("0123456789ABCDEF0123456789ABCDEF").toList())
                .isInstanceOfSatisfying(SepmApiException.class, e -> assertThat(e.status()).isEqualTo(410));
    }
}
