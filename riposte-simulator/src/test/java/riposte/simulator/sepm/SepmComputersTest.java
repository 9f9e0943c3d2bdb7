package riposte.simulator.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SepmComputersTest {
    private static SepmSimulator sim;
    private static SepmTestClient client;

    @BeforeAll
    static void start() {
        sim = SepmSimulator.builder().endpoints(300).seed(7).frozenClock(true)
                .startTime(Instant.parse("2026-03-01T10:00:00Z")).build().start();
        client = new SepmTestClient(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void pagesAreOneBasedInAndZeroBasedOut() {
        JsonNode first = client.get("/sepm/api/v1/computers?pageIndex=1&pageSize=20").json();
        JsonNode second = client.get("/sepm/api/v1/computers?pageIndex=2&pageSize=20").json();

        long total = first.get("totalElements").asLong();
        assertThat(total).isBetween(250L, 300L); // the Lab domain holds the rest
        assertThat(first.get("number").asInt()).isZero();
        assertThat(second.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("numberOfElements").asInt()).isEqualTo(20);
        assertThat(first.get("totalPages").asInt()).isEqualTo((int) ((total + 19) / 20));
        assertThat(first.get("firstPage").asBoolean()).isTrue();
        assertThat(first.get("lastPage").asBoolean()).isFalse();
        assertThat(first.get("sort").get(0).get("property").asString()).isEqualTo("COMPUTER_NAME");
        assertThat(first.get("sort").get(0).get("direction").asString()).isEqualTo("ASC");
    }

    /**
     * Online agents check in every few minutes: after an hour of simulated time their lastUpdateTime is within one
     * heartbeat of now (a client with a 15-minute threshold sees them current); offline agents' stay where they were.
     * Uses its own simulator: the shared one's clock must not move under the other tests.
     */
    @Test
    void onlineAgentsCheckInAsTimePassesOfflineOnesDoNot() {
        try (SepmSimulator own = SepmSimulator.builder().endpoints(60).seed(7).frozenClock(true)
                .startTime(Instant.parse("2026-03-01T10:00:00Z")).build().start()) {
            SepmTestClient c = new SepmTestClient(own).login();
            List<JsonNode> before = c.all("/sepm/api/v1/computers", 100);
            Instant later = own.advance(java.time.Duration.ofHours(1));
            List<JsonNode> after = c.all("/sepm/api/v1/computers", 100);
            java.util.Map<String, Long> was = new java.util.HashMap<>();
            before.forEach(n -> was.put(n.get("uniqueId").asString(), n.get("lastUpdateTime").asLong()));
            int online = 0;
            for (JsonNode n : after) {
                long then = was.get(n.get("uniqueId").asString());
                long now = n.get("lastUpdateTime").asLong();
                if (n.get("onlineStatus").asInt() == 1) {
                    online++;
                    assertThat(now).isGreaterThan(then).isLessThanOrEqualTo(later.toEpochMilli())
                            .isGreaterThan(later.toEpochMilli() - Computer.HEARTBEAT_MILLIS);
                } else {
                    assertThat(now).isEqualTo(then);
                }
            }
            assertThat(online).isPositive();
            // the lastUpdate filter sees the new check-ins
            long recent = later.toEpochMilli() - Computer.HEARTBEAT_MILLIS;
            assertThat(c.get("/sepm/api/v1/computers?lastUpdate=" + recent).json().get("totalElements").asLong())
                    .isEqualTo(online);
        }
    }

    @Test
    void walkingAllPagesYieldsEveryComputerOnceInNameOrder() {
        List<JsonNode> all = client.all("/sepm/api/v1/computers", 37);
        long total = client.get("/sepm/api/v1/computers").json().get("totalElements").asLong();

        Set<String> ids = new HashSet<>();
        all.forEach(c -> ids.add(c.get("uniqueId").asString()));
        assertThat(ids).hasSize((int) total);
        List<String> names = all.stream().map(c -> c.get("computerName").asString().toLowerCase()).toList();
        assertThat(names).isSorted();
    }

    @Test
    void emptyResultIsAnEmptyFirstAndLastPage() {
        JsonNode page = client.get("/sepm/api/v1/computers?computerName=NO-SUCH-HOST").json();
        assertThat(page.get("content")).isEmpty();
        assertThat(page.get("totalElements").asLong()).isZero();
        assertThat(page.get("totalPages").asInt()).isZero();
        assertThat(page.get("firstPage").asBoolean()).isTrue();
        assertThat(page.get("lastPage").asBoolean()).isTrue();
    }

    @Test
    void computerCarriesTheFieldsAndQuirksOfTheReference() {
        JsonNode c = client.get("/sepm/api/v1/computers?pageSize=1").json().get("content").get(0);
        assertThat(c.get("uniqueId").asString()).matches("[0-9A-F]{32}");
        assertThat(c.get("hardwareKey").asString()).matches("[0-9A-F]{32}");
        assertThat(c.get("osname").asString()).isEqualTo(c.get("osName").asString());
        assertThat(c.get("macAddresses").get(0).asString()).matches("([0-9A-F]{2}-){5}[0-9A-F]{2}");
        assertThat(c.get("group").get("name").asString()).startsWith("My Company");
        assertThat(c.get("group").get("fullPathName").isNull()).isTrue();
        assertThat(c.get("lastScanTime").isIntegralNumber()).isTrue();
        assertThat(c.get("lastVirusTime").isIntegralNumber()).isTrue();
        assertThat(c.get("onlineStatus").asInt()).isIn(0, 1);
    }

    @Test
    void filtersByNameWildcardIdHardwareKeyMacOsAndDomain() {
        JsonNode c = client.get("/sepm/api/v1/computers?pageSize=1").json().get("content").get(0);
        String name = c.get("computerName").asString();

        JsonNode byName = client.get("/sepm/api/v1/computers?computerName=" + name.substring(0, 6) + "*").json();
        assertThat(byName.get("content")).allSatisfy(x -> assertThat(x.get("computerName").asString())
                .startsWithIgnoringCase(name.substring(0, 6)));
        assertThat(byName.get("totalElements").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode byId = client.get("/sepm/api/v1/computers?computer_id=" + c.get("uniqueId").asString()
                + "&computerName=ignored").json();
        assertThat(byId.get("content")).singleElement()
                .satisfies(x -> assertThat(x.get("computerName").asString()).isEqualTo(name));
        JsonNode byKey = client.get("/sepm/api/v1/computers?hardware_key=" + c.get("hardwareKey").asString()).json();
        assertThat(byKey.get("totalElements").asLong()).isEqualTo(1);

        String mac = c.get("macAddresses").get(0).asString();
        JsonNode byMac = client.get("/sepm/api/v1/computers?mac=*" + mac.substring(9)).json();
        assertThat(byMac.get("content")).anySatisfy(x -> assertThat(x.get("uniqueId")).isEqualTo(c.get("uniqueId")));

        long repeated = client.get("/sepm/api/v1/computers?os=RedHat&os=MacOSX").json().get("totalElements").asLong();
        long comma = client.get("/sepm/api/v1/computers?os=RedHat,MacOSX").json().get("totalElements").asLong();
        long redHat = client.get("/sepm/api/v1/computers?os=RedHat").json().get("totalElements").asLong();
        assertThat(repeated).isEqualTo(comma).isGreaterThan(redHat);
        assertThat(redHat).isPositive();

        JsonNode domains = client.get("/sepm/api/v1/domains").json();
        assertThat(domains.isArray()).isTrue();
        String lab = domains.get(1).get("id").asString();
        JsonNode labComputers = client.get("/sepm/api/v1/computers?domain=" + lab).json();
        assertThat(labComputers.get("content")).allSatisfy(x ->
                assertThat(x.get("group").get("domain").get("name").asString()).isEqualTo("Lab"));

        long recent = client.get("/sepm/api/v1/computers?lastUpdate=" + (sim.clock().toEpochMilli() - 3_600_000))
                .json().get("totalElements").asLong();
        long all = client.get("/sepm/api/v1/computers").json().get("totalElements").asLong();
        assertThat(recent).isPositive().isLessThan(all);
    }

    @Test
    void moveAnswers207PerItemAndChangesTheGroup() {
        JsonNode c = client.get("/sepm/api/v1/computers?pageSize=1&order=DESC").json().get("content").get(0);
        JsonNode target = client.get("/sepm/api/v1/groups?fullPathName=My%20Company%5CLockdown").json()
                .get("content").get(0);
        String body = "[{\"group\":{\"id\":\"" + target.get("id").asString() + "\"},\"hardwareKey\":\""
                + c.get("hardwareKey").asString() + "\"},{\"group\":{\"id\":\"" + target.get("id").asString()
                + "\"},\"hardwareKey\":\"00000000000000000000000000000000\"}]";

        var reply = client.send("PATCH", "/sepm/api/v1/computers", body, "application/json");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().get(0).get("responseCode").asString()).isEqualTo("200");
        assertThat(reply.json().get(0).get("responseMessage").asString()).isEqualTo("OK");
        assertThat(reply.json().get(1).get("responseCode").asString()).isEqualTo("410");
        JsonNode moved = client.get("/sepm/api/v1/computers?computer_id=" + c.get("uniqueId").asString()).json()
                .get("content").get(0);
        assertThat(moved.get("group").get("id")).isEqualTo(target.get("id"));
        assertThat(moved.get("group").get("name").asString()).isEqualTo("My Company\\Lockdown");
    }

    /** GET /groups/{id}/computers: a group's members, paged like /computers, as many as the group counts. */
    @Test
    void aGroupListsItsComputers() {
        List<JsonNode> groups = client.all("/sepm/api/v1/groups", 25);
        JsonNode busiest = groups.stream().max(java.util.Comparator.comparingInt(g -> g.get("numberOfPhysicalComputers").asInt()))
                .orElseThrow();
        String id = busiest.get("id").asString();
        List<JsonNode> members = client.all("/sepm/api/v1/groups/" + id + "/computers", 7);
        assertThat(members).hasSize(busiest.get("numberOfPhysicalComputers").asInt()).isNotEmpty();
        assertThat(members).allSatisfy(c -> assertThat(c.get("group").get("id").asString()).isEqualTo(id));
        assertThat(members.stream().map(c -> c.get("computerName").asString().toLowerCase()).toList()).isSorted();
        assertThat(client.get("/sepm/api/v1/groups/" + id + "/computers").json().get("size").asInt()).isEqualTo(20);
        assertThat(client.get("/sepm/api/v1/groups/0123456789ABCDEF0123456789ABCDEF/computers").status()).isEqualTo(410);
    }

    @Test
    void groupsArePagedWithFullPathsAndInheritanceFlags() {
        JsonNode page = client.get("/sepm/api/v1/groups").json();
        assertThat(page.get("size").asInt()).isEqualTo(25);
        assertThat(page.get("sort").get(0).get("property").asString()).isEqualTo("NAME");
        List<JsonNode> groups = client.all("/sepm/api/v1/groups", 3);
        assertThat(groups).hasSize(page.get("totalElements").asInt());
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.get("fullPathName").asString()).isEqualTo("My Company");
            assertThat(g.get("policyInheritanceEnabled").asBoolean()).isFalse();
        });
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.get("fullPathName").asString()).isEqualTo("My Company\\Workstations\\Finance");
            assertThat(g.get("policyInheritanceEnabled").asBoolean()).isFalse();
        });
        assertThat(groups).anySatisfy(g -> assertThat(g.get("policyInheritanceEnabled").asBoolean()).isTrue());
        int computers = groups.stream().mapToInt(g -> g.get("numberOfPhysicalComputers").asInt()).sum();
        assertThat((long) computers).isEqualTo(client.get("/sepm/api/v1/computers").json().get("totalElements").asLong());
        JsonNode tree = client.get("/sepm/api/v1/groups?mode=tree").json();
        assertThat(tree.get("content")).singleElement().satisfies(root -> {
            assertThat(root.get("fullPathName").asString()).isEqualTo("My Company");
            assertThat(root.get("childGroups")).anySatisfy(child -> assertThat(child.get("childGroups")).isNotEmpty());
        });
        String id = groups.getFirst().get("id").asString();
        assertThat(client.get("/sepm/api/v1/groups/" + id).json().get("id").asString()).isEqualTo(id);
        assertThat(client.get("/sepm/api/v1/groups/00000000000000000000000000000000").status()).isEqualTo(410);
    }

    @Test
    void onlineStatusCountsAndCriticalEvents() {
        JsonNode stats = client.get("/sepm/api/v1/stats/client/onlinestatus").json();
        int sum = 0;
        for (JsonNode s : stats.get("clientCountStatsList")) {
            sum += s.get("clientsCount").asInt();
        }
        assertThat(sum).isEqualTo(300);
        JsonNode events = client.get("/sepm/api/v1/events/critical").json();
        assertThat(events.get("criticalEventsInfoList").get(0).get("eventDateTime").asString())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d");
        assertThat(client.send("HEAD", "/sepm/api/v1/computers", null, null).status()).isEqualTo(200);
    }
}
