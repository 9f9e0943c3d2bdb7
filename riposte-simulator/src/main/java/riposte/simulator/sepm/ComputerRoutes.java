package riposte.simulator.sepm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/HEAD/PATCH /computers} (reference §3.3). Filtered and sorted views are cached per query
 * (and fleet version), so walking all pages of 50 000 computers sorts once, not once per page.
 */
final class ComputerRoutes {
    private static final int CACHED_VIEWS = 16;
    private final SepmModel model;
    private final Map<String, int[]> views = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > CACHED_VIEWS;
        }
    };

    ComputerRoutes(SepmModel model) {
        this.model = model;
    }

    void register(SepmRoutes routes) {
        routes.add("GET", SepmRoutes.V1 + "/computers", Access.BEARER, this::list)
                .add("HEAD", SepmRoutes.V1 + "/computers", Access.BEARER, r -> SepmRoutes.empty(200))
                .add("PATCH", SepmRoutes.V1 + "/computers", Access.BEARER, this::move);
    }

    private SimResponse list(SimRequest request) {
        Query q = new Query(request.rawQuery());
        Paging paging = Paging.of(q, 20, "COMPUTER_NAME");
        String sort = paging.sortProperty().toUpperCase(Locale.ROOT);
        if (!List.of("COMPUTER_NAME", "COMPUTER_ID", "COMPUTER_DOMAIN_NAME", "DOMAIN_ID").contains(sort)) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
        GroupTree.Domain domain = domain(q);
        boolean verbose = q.bool("verbose");
        int[] view = view(q, domain, sort, paging.ascending());
        String json = paging.write(view.length, sort, (w, i) -> {
            Computer c = model.fleet.computer(view[(int) paging.offset() + i]);
            ComputerJson.write(w, c, model.groupOf(c), model.quarantined(c.index()), verbose, model.clock.millis());
        });
        return SepmRoutes.ok(json);
    }

    private GroupTree.Domain domain(Query q) {
        String domain = q.first("domain");
        if (domain == null || domain.isBlank()) {
            return model.groups.domains().getFirst();
        }
        return model.groups.domainById(domain.strip()).orElseThrow(() -> new Query.BadRequest(SepmErrors.INVALID));
    }

    private int[] view(Query q, GroupTree.Domain domain, String sort, boolean ascending) {
        String computerId = q.first("computer_id", "");
        String hardwareKey = q.first("hardware_key", "");
        if (!computerId.isBlank() || !hardwareKey.isBlank()) {
            // SPEC: with computer_id (else hardware_key) every other filter but domain is ignored.
            OptionalInt index = !computerId.isBlank() ? model.fleet.byUniqueId(computerId.strip())
                    : model.fleet.byHardwareKey(hardwareKey.strip());
            return index.isPresent() && inDomain(index.getAsInt(), domain) ? new int[] {index.getAsInt()} : new int[0];
        }
        String key = String.join("|", domain.id(), q.first("computerName", ""), q.first("mac", ""),
                String.join(",", q.list("os")), q.first("lastUpdate", ""), sort, Boolean.toString(ascending),
                Long.toString(model.fleet.version()));
        synchronized (views) {
            int[] cached = views.get(key);
            if (cached != null) {
                return cached;
            }
        }
        IntPredicate filter = filter(q, domain);
        Integer[] matches = java.util.stream.IntStream.range(0, model.fleet.size()).filter(filter).boxed()
                .toArray(Integer[]::new);
        String[] names = new String[model.fleet.size()];
        Arrays.sort(matches, Comparator.comparing((Integer i) -> names[i] == null
                ? names[i] = sortKey(i, sort) : names[i]).thenComparingInt(i -> i));
        if (!ascending) {
            java.util.Collections.reverse(Arrays.asList(matches));
        }
        int[] view = Arrays.stream(matches).mapToInt(Integer::intValue).toArray();
        synchronized (views) {
            views.put(key, view);
        }
        return view;
    }

    private String sortKey(int index, String sort) {
        Computer c = model.fleet.computer(index);
        return sort.equals("COMPUTER_ID") ? c.uniqueId() : c.computerName().toLowerCase(Locale.ROOT);
    }

    private IntPredicate filter(Query q, GroupTree.Domain domain) {
        Pattern name = wildcard(q.first("computerName"));
        Pattern mac = wildcard(q.first("mac"));
        List<String> os = q.list("os").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        long lastUpdate = q.longValue("lastUpdate", 0);
        long now = model.clock.millis();
        return i -> {
            if (!inDomain(i, domain)) {
                return false;
            }
            if (name == null && mac == null && os.isEmpty() && lastUpdate <= 0) {
                return true;
            }
            Computer c = model.fleet.computer(i);
            return (name == null || name.matcher(c.computerName()).matches())
                    && (mac == null || mac.matcher(c.mac()).matches())
                    && (os.isEmpty() || os.contains(c.os().code().toLowerCase(Locale.ROOT)))
                    && (lastUpdate <= 0 || c.lastUpdateTime(now) >= lastUpdate);
        };
    }

    private boolean inDomain(int index, GroupTree.Domain domain) {
        return model.groups.group(model.fleet.groupOf(index)).domain() == domain;
    }

    /** SEPM filters accept {@code *} as a wildcard; everything else is literal, case-insensitive. */
    static Pattern wildcard(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String regex = Arrays.stream(value.strip().split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** PATCH: move computers (by hardware key) to groups; 207 with one BulkResponse per item. */
    private SimResponse move(SimRequest request) {
        JsonNode body = SepmRoutes.json(request.body());
        if (!body.isArray()) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
        JsonWriter w = new JsonWriter().beginArray();
        for (JsonNode item : body) {
            JsonNode groupNode = item.path("group").path("id");
            String groupId = groupNode.isMissingNode() || groupNode.isNull() ? "" : groupNode.asString();
            String hardwareKey = item.path("hardwareKey").isMissingNode() ? "" : item.path("hardwareKey").asString();
            OptionalInt index = model.fleet.byHardwareKey(hardwareKey.strip());
            var group = model.groups.byId(groupId.strip());
            String code;
            String message;
            if (index.isEmpty() || group.isEmpty()) {
                code = "410";
                message = SepmErrors.GONE;
            } else if (model.groups.group(model.fleet.groupOf(index.getAsInt())).domain() != group.get().domain()) {
                code = "409";
                message = "Endpoints cannot be moved between different domains.";
            } else {
                model.fleet.move(index.getAsInt(), group.get().index());
                code = "200";
                message = "OK";
            }
            w.beginObject().field("responseCode", code).field("responseMessage", message).endObject();
        }
        return SimResponse.json(207, w.endArray().toBytes());
    }
}
