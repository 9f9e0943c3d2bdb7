package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import riposte.simulator.sepm.SepmSimulator;

/** Version, domains, computers (paging and filters), groups, moves, events and stats against the simulator. */
class SepmClientInventoryTest {
    static final int FLEET = 130;
    static SepmSimFixture f;
    static SepmClient sepm;

    @BeforeAll
    static void start() {
        f = SepmSimFixture.start(SepmSimulator.builder().endpoints(FLEET).seed(11).offlineFraction(0.2));
        sepm = f.client();
    }

    @AfterAll
    static void stop() throws Exception {
        sepm.close();
        f.close();
    }

    @Test
    void versionAndDomains() {
        assertThat(sepm.version().version()).isEqualTo("14.3.25029.9000");
        List<SepmDomain> domains = sepm.domains();
        assertThat(domains).isNotEmpty().allSatisfy(d -> assertThat(d.id()).matches("[0-9A-F]{32}"));
    }

    @Test
    void walksEveryPageLazilyAndCompletely() {
        long before = f.calls("GET /sepm/api/v1/computers");
        Set<String> ids = new HashSet<>();
        try (Stream<Computer> all = sepm.computers(ComputerQuery.all().withPageSize(25))) {
            all.forEach(c -> assertThat(ids.add(c.uniqueId())).isTrue());
        }
        long pages = f.calls("GET /sepm/api/v1/computers") - before;
        long inDefaultDomain = ids.size();
        assertThat(inDefaultDomain).isPositive();
        assertThat(pages).isEqualTo((inDefaultDomain + 24) / 25);

        long beforeFirst = f.calls("GET /sepm/api/v1/computers");
        assertThat(sepm.computers(ComputerQuery.all().withPageSize(10)).limit(3).toList()).hasSize(3);
        assertThat(f.calls("GET /sepm/api/v1/computers") - beforeFirst).isEqualTo(1);

        Page<Computer> second = sepm.computerPage(ComputerQuery.all().withPageSize(10), 2);
        assertThat(second.number()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(10);
    }

    @Test
    void allDomainsTogetherHoldTheWholeFleet() {
        long total = sepm.domains().stream()
                .mapToLong(d -> sepm.computers(ComputerQuery.all().withDomain(d.id()).withPageSize(40)).count()).sum();
        assertThat(total).isEqualTo(FLEET);
    }

    @Test
    void filtersByNameIdHardwareKeyOsAndLastUpdate() {
        Computer some = sepm.computers(ComputerQuery.all()).skip(5).findFirst().orElseThrow();
        String prefix = some.computerName().substring(0, 3);
        assertThat(sepm.computers(ComputerQuery.all().withComputerName(prefix + "*")).toList())
                .isNotEmpty().allSatisfy(c -> assertThat(c.computerName()).startsWithIgnoringCase(prefix));
        assertThat(sepm.computer(some.uniqueId())).hasValueSatisfying(c -> assertThat(c.computerName()).isEqualTo(some.computerName()));
        assertThat(sepm.computers(ComputerQuery.all().withHardwareKey(some.hardwareKey())).map(Computer::uniqueId).toList())
                .containsExactly(some.uniqueId());
        String os = some.operatingSystem();
        assertThat(os).isNotBlank();
        List<Computer> sameOs = sepm.computers(ComputerQuery.all().withOs(List.of(osCode(some)))).toList();
        assertThat(sameOs).isNotEmpty().extracting(Computer::uniqueId).contains(some.uniqueId());
        long future = f.sim.clock().plusSeconds(3600).toEpochMilli();
        assertThat(sepm.computers(ComputerQuery.all().withLastUpdate(future)).count()).isZero();
        assertThat(sepm.computers(ComputerQuery.all().withComputerName("no-such-host-*")).count()).isZero();
    }

    /** The SPEC's OS enum code of a computer, found by asking which code returns it. */
    private static String osCode(Computer c) {
        for (String code : List.of("Win10", "Win11", "Win2K16", "Win2K19", "Win2K22", "Win2K12", "Win7", "RedHat", "Ubuntu", "MacOSX", "CentOS")) {
            if (sepm.computers(ComputerQuery.all().withOs(List.of(code))).anyMatch(x -> x.uniqueId().equals(c.uniqueId()))) return code;
        }
        throw new AssertionError("no OS code matches " + c.operatingSystem());
    }

    @Test
    void groupsAsListAndTreeAndById() {
        List<Group> groups = sepm.groups(GroupQuery.all().withPageSize(3)).toList();
        assertThat(groups).hasSizeGreaterThan(3);
        assertThat(groups).extracting(Group::fullPathName).allSatisfy(p -> assertThat(p).startsWith("My Company"));
        List<Group> tree = sepm.groups(GroupQuery.all().asTree()).toList();
        assertThat(tree).isNotEmpty();
        assertThat(tree.stream().mapToLong(SepmClientInventoryTest::size).sum()).isEqualTo(groups.size());
        Group g = groups.get(1);
        assertThat(sepm.group(g.id())).hasValueSatisfying(x -> assertThat(x.name()).isEqualTo(g.name()));
        assertThat(sepm.group("0123456789ABCDEF0123456789ABCDEF")).isEmpty();
    }

    private static long size(Group g) {
        return 1 + g.childGroups().stream().mapToLong(SepmClientInventoryTest::size).sum();
    }

    @Test
    void moveAnswers207WithAResultPerItem() {
        Computer c = sepm.computers(ComputerQuery.all()).findFirst().orElseThrow();
        Group target = sepm.groups(GroupQuery.all()).filter(g -> !g.id().equals(c.group().id()))
                .filter(g -> g.domain() != null && c.group().domain() != null && g.domain().id().equals(c.group().domain().id()))
                .findFirst().orElseThrow();
        String unknown = "0123456789ABCDEF0123456789ABCDEF";
        List<MoveResult> results = sepm.moveComputers(target.id(), List.of(c.hardwareKey(), unknown));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(0).hardwareKey()).isEqualTo(c.hardwareKey());
        assertThat(results.get(1).succeeded()).isFalse();
        assertThat(results.get(1).responseCode()).isEqualTo("410");
        assertThat(sepm.computer(c.uniqueId()).orElseThrow().group().id()).isEqualTo(target.id());
        assertThatThrownBy(() -> sepm.moveComputers(target.id(), List.of())).isInstanceOf(SepmInvalidRequestException.class);
    }

    @Test
    void criticalEventsAndOnlineStatusCounts() {
        assertThat(sepm.criticalEvents(true).criticalEventsInfoList()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subject()).isNotBlank());
        OnlineStatusCounts counts = sepm.onlineStatus();
        assertThat(counts.count("Online") + counts.count("Offline")).isEqualTo(FLEET);
        assertThat(counts.count("Offline")).isPositive();
    }

    @Test
    void complianceOverTheStreamedFleet() {
        ComplianceCalculator calc = new ComplianceCalculator(ComplianceThresholds.defaults(), f.clock);
        ComplianceSummary summary = calc.summarize(sepm.computers(ComputerQuery.all().withPageSize(50)));
        long total = sepm.computers(ComputerQuery.all()).count();
        long offline = sepm.computers(ComputerQuery.all()).filter(c -> c.onlineStatus() != null && c.onlineStatus() == 0).count();
        assertThat(summary.total()).isEqualTo(total);
        assertThat(summary.count(ComplianceIssue.OFFLINE)).isEqualTo(offline).isPositive();
        assertThat(summary.nonCompliant()).isGreaterThanOrEqualTo(offline);
        List<EndpointCompliance> details = calc.nonCompliant(sepm.computers(ComputerQuery.all())).toList();
        assertThat(details).hasSize((int) summary.nonCompliant()).allSatisfy(e -> assertThat(e.issues()).isNotEmpty());
    }
}
