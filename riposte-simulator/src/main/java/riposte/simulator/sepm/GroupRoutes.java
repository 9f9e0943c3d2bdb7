package riposte.simulator.sepm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;

/**
 * {@code /domains}, {@code /groups}, {@code /groups/{id}}, the system-lockdown assignment
 * {@code /groups/{id}/system-lockdown/fingerprints/{fid}}, {@code /events/critical} and
 * {@code /stats/client/onlinestatus} (reference §3.2, §3.4, §3.12, §3.13).
 */
final class GroupRoutes {
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S").withZone(ZoneOffset.UTC);
    private final SepmModel model;

    GroupRoutes(SepmModel model) {
        this.model = model;
    }

    void register(SepmRoutes routes) {
        routes.add("GET", SepmRoutes.V1 + "/domains", Access.BEARER, r -> SepmRoutes.ok(domains()))
                .add("GET", SepmRoutes.V1 + "/groups", Access.BEARER, this::groups)
                .add("GET", SepmRoutes.V1 + "/groups/", Access.BEARER, this::group)
                .add("PUT", SepmRoutes.V1 + "/groups/", Access.BEARER, this::lockdown)
                .add("DELETE", SepmRoutes.V1 + "/groups/", Access.BEARER, this::lockdown)
                .add("GET", SepmRoutes.V1 + "/events/critical", Access.BEARER, r -> SepmRoutes.ok(criticalEvents()))
                .add("GET", SepmRoutes.V1 + "/stats/client/onlinestatus", Access.BEARER, r -> SepmRoutes.ok(online()));
    }

    private String domains() {
        JsonWriter w = new JsonWriter().beginArray();
        for (GroupTree.Domain d : model.groups.domains()) {
            w.beginObject().field("id", d.id()).field("name", d.name()).name("description").nullValue()
                    .field("createdTime", d.createdTime()).field("enable", true).field("companyName", d.companyName())
                    .name("contactInfo").nullValue().field("administratorCount", 1).endObject();
        }
        return w.endArray().toString();
    }

    private SimResponse groups(SimRequest request) {
        Query q = new Query(request.rawQuery());
        Paging paging = Paging.of(q, 25, "NAME");
        String domain = q.first("domain", "");
        GroupTree.Domain d = domain.isBlank() ? model.groups.domains().getFirst()
                : model.groups.domainById(domain.strip()).orElseThrow(() -> new Query.BadRequest(SepmErrors.INVALID));
        String path = q.first("fullPathName", "");
        Comparator<GroupTree.Group> order = Comparator.comparing((GroupTree.Group g) -> g.name().toLowerCase(Locale.ROOT))
                .thenComparing(GroupTree.Group::fullPathName);
        boolean tree = "tree".equalsIgnoreCase(q.first("mode", "list").strip());
        List<GroupTree.Group> matches = model.groups.groups().stream()
                .filter(g -> g.domain() == d)
                .filter(g -> path.isBlank() || g.fullPathName().equalsIgnoreCase(path.strip()))
                .filter(g -> !tree || !path.isBlank() || g.parent() < 0)
                .sorted(paging.ascending() ? order : order.reversed())
                .toList();
        int[] counts = model.groupCounts();
        return SepmRoutes.ok(paging.write(matches.size(), "NAME",
                (w, i) -> group(w, matches.get((int) paging.offset() + i), counts, tree)));
    }

    private SimResponse group(SimRequest request) {
        String id = request.tail();
        if (id.endsWith("/computers") && id.indexOf('/') == id.length() - "/computers".length()) {
            return groupComputers(request, id.substring(0, id.indexOf('/')));
        }
        if (id.contains("/")) {
            return SepmErrors.error(404, SepmErrors.NOT_FOUND);
        }
        return model.groups.byId(id).map(g -> {
            JsonWriter w = new JsonWriter();
            group(w, g, model.groupCounts(), false);
            return SepmRoutes.ok(w.toString());
        }).orElseGet(SepmErrors::gone);
    }

    /**
     * {@code GET /groups/{id}/computers}: the computers of one group, a page in the shape of {@code GET /computers}
     * (by name; {@code pageIndex}, {@code pageSize}, {@code sort}, {@code order}). Symantec's own SEPM samples and
     * XSOAR read a group's members this way [I: shape as /computers]. 410 for a group that does not exist.
     */
    private SimResponse groupComputers(SimRequest request, String groupId) {
        var group = model.groups.byId(groupId);
        if (group.isEmpty()) {
            return SepmErrors.gone();
        }
        Query q = new Query(request.rawQuery());
        Paging paging = Paging.of(q, 20, "COMPUTER_NAME");
        Comparator<Computer> byName = Comparator.comparing((Computer c) -> c.computerName().toLowerCase(Locale.ROOT));
        List<Computer> members = java.util.stream.IntStream.range(0, model.fleet.size())
                .mapToObj(model.fleet::computer)
                .filter(c -> model.groupOf(c).id().equals(group.get().id()))
                .sorted(paging.ascending() ? byName : byName.reversed())
                .toList();
        long now = model.clock.millis();
        return SepmRoutes.ok(paging.write(members.size(), "COMPUTER_NAME", (w, i) -> {
            Computer c = members.get((int) paging.offset() + i);
            ComputerJson.write(w, c, model.groupOf(c), model.quarantined(c.index()), false, now);
        }));
    }

    /** One {@code Group}; in tree mode ({@code mode=tree}, assumed [I]) with its subgroups nested in {@code childGroups}. */
    private void group(JsonWriter w, GroupTree.Group g, int[] counts, boolean tree) {
        String serial = g.id().substring(0, 4) + "-"
                + DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss SSS").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(g.created()));
        w.beginObject().field("id", g.id()).field("name", g.name()).field("description", "")
                .field("fullPathName", g.fullPathName())
                .field("numberOfPhysicalComputers", counts[g.index()])
                .field("numberOfRegisteredUsers", 0)
                .field("createdBy", model.ids.id(Ids.ADMIN, 0) + "                                ")
                .field("created", g.created()).field("lastModified", g.created())
                .field("policySerialNumber", serial).field("policyDate", g.created())
                .field("customIpsNumber", "")
                .name("domain").beginObject().field("id", g.domain().id()).field("name", g.domain().name()).endObject()
                .field("policyInheritanceEnabled", g.policyInheritanceEnabled())
                .name("externalReferenceId").nullValue();
        if (tree) {
            w.name("childGroups").beginArray();
            model.groups.groups().stream().filter(c -> c.parent() == g.index()).forEach(c -> group(w, c, counts, true));
            w.endArray();
        }
        w.endObject();
    }

    /** PUT assigns, DELETE unassigns a fingerprint list to a group for system lockdown. */
    private SimResponse lockdown(SimRequest request) {
        String[] parts = request.tail().split("/");
        if (parts.length != 4 || !parts[1].equals("system-lockdown") || !parts[2].equals("fingerprints")) {
            return SepmErrors.error(404, SepmErrors.NOT_FOUND);
        }
        var group = model.groups.byId(parts[0]);
        if (group.isEmpty()) {
            return SepmErrors.gone();
        }
        var list = model.fingerprints.byId(parts[3]);
        if (list.isEmpty()) {
            // fn_sep reads a 400 here as "a fingerprint list which doesn't exist".
            return SepmErrors.error(400, Fingerprints.notFound(parts[3]));
        }
        if (request.method().equals("DELETE")) {
            model.fingerprints.unassign(list.get(), group.get().id());
            return SepmRoutes.empty(200);
        }
        if (group.get().policyInheritanceEnabled()) {
            return SepmErrors.error(409, "The group inherits its policies from its parent group; disable policy"
                    + " inheritance before assigning a system lockdown fingerprint list.");
        }
        if (!model.fingerprints.assign(list.get(), group.get().id())) {
            // The API documents 422 for a list already assigned (reference §3.12), not a second 200.
            return SepmErrors.error(422, "System lockdown is currently disabled, or some file fingerprint lists or"
                    + " file names were already assigned.");
        }
        return SepmRoutes.empty(200);
    }

    private String criticalEvents() {
        long start = model.clock.startMillis();
        String[][] events = {
            {"Server Health Alert", "Server sepm-sim health status: poor. \nReason: Low disk space. \nStatus reported."},
            {"New software package available", "Date: \tServer: sepm-sim\nDownload: Successfully downloaded 14.3 RU9."},
            {"Informational: Symantec Endpoint Protection Computer List Changed", "Computers were added to the list."},
            {"Information: Symantec Trial license Expires In 60 Days", "The trial license expires in 60 days."},
        };
        JsonWriter w = new JsonWriter().beginObject().field("lastUpdated", model.now())
                .field("totalUnacknowledgedMessages", 2).name("criticalEventsInfoList").beginArray();
        for (int i = 0; i < events.length; i++) {
            w.beginObject().field("eventId", model.ids.id(Ids.ADMIN, 100 + i))
                    .field("eventDateTime", EVENT_TIME.format(Instant.ofEpochMilli(start - (i + 1) * 7_200_000L)))
                    .field("subject", events[i][0]).field("message", events[i][1])
                    .field("acknowledged", i < 2 ? 0 : 1).endObject();
        }
        return w.endArray().endObject().toString();
    }

    private String online() {
        int online = model.fleet.count(model.fleet::online);
        return new JsonWriter().beginObject().field("lastUpdated", model.now())
                .name("clientCountStatsList").beginArray()
                .beginObject().field("status", "Online").field("clientsCount", online).endObject()
                .beginObject().field("status", "Offline").field("clientsCount", model.fleet.size() - online).endObject()
                .endArray().endObject().toString();
    }
}
