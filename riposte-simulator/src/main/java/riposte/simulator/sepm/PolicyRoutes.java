package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;

/**
 * {@code GET /policies/summary} and {@code GET /policies/summary/{type}}: the policies SEPM creates at installation,
 * one per type and domain, with the groups they are assigned to. XSOAR's SEPM integration and PSSymantecSEPM read
 * them. The page shape is that of every SEPM list (reference §5); the item fields ({@code sources, enabled, desc, name,
 * lastmodifiedtime, id, domainid, policytype, assignedtolocations}) are inferred from Symantec's public API
 * documentation and PSSymantecSEPM's sample output [I]. An unknown type answers SEPM's 400 "The policy type argument
 * is invalid." (reference §6).
 */
final class PolicyRoutes {
    /** The policy types the API accepts, with the name of the policy SEPM creates for each at installation. */
    private static final List<String[]> TYPES = List.of(
            new String[] {"av", "Virus and Spyware Protection policy"},
            new String[] {"fw", "Firewall policy"},
            new String[] {"ips", "Intrusion Prevention policy"},
            new String[] {"adc", "Application and Device Control policy"},
            new String[] {"hi", "Host Integrity policy"},
            new String[] {"lu", "LiveUpdate Settings policy"},
            new String[] {"lucontent", "LiveUpdate Content policy"},
            new String[] {"exceptions", "Exceptions policy"},
            new String[] {"mem", "Memory Exploit Mitigation policy"},
            new String[] {"ntr", "Network Traffic Redirection policy"},
            new String[] {"hid", "Host Integrity policy (hardware)"},
            new String[] {"msl", "Intensive Protection policy"},
            new String[] {"upgrade", "Upgrade policy"});
    private static final String INVALID_TYPE = "The policy type argument is invalid.";
    private final SepmModel model;

    PolicyRoutes(SepmModel model) {
        this.model = model;
    }

    void register(SepmRoutes routes) {
        routes.add("GET", SepmRoutes.V1 + "/policies/summary", Access.BEARER, r -> summary(r, null))
                .add("GET", SepmRoutes.V1 + "/policies/summary/", Access.BEARER, r -> summary(r, r.tail()));
    }

    private record Policy(String id, String type, String name, GroupTree.Domain domain) {}

    private SimResponse summary(SimRequest request, String type) {
        String wanted = type == null ? null : type.strip().toLowerCase(Locale.ROOT);
        if (wanted != null && TYPES.stream().noneMatch(t -> t[0].equals(wanted))) {
            return SepmErrors.error(400, INVALID_TYPE);
        }
        List<Policy> policies = new ArrayList<>();
        for (GroupTree.Domain d : model.groups.domains()) {
            for (int t = 0; t < TYPES.size(); t++) {
                String[] kind = TYPES.get(t);
                if (wanted == null || kind[0].equals(wanted)) {
                    policies.add(new Policy(model.ids.id(Ids.POLICY, d.index() * TYPES.size() + t), kind[0], kind[1], d));
                }
            }
        }
        Paging paging = Paging.of(new Query(request.rawQuery()), Math.max(1, policies.size()), "NAME");
        return SepmRoutes.ok(paging.write(policies.size(), "NAME", (w, i) -> policy(w, policies.get((int) paging.offset() + i))));
    }

    /** A policy is assigned to each group of its domain that does not inherit its policies (the root, at least). */
    private void policy(JsonWriter w, Policy p) {
        w.beginObject().name("sources").beginArray().endArray()
                .field("enabled", true).field("desc", "Created automatically during product installation.")
                .field("name", p.name()).field("lastmodifiedtime", p.domain().createdTime())
                .field("id", p.id()).field("domainid", p.domain().id()).field("policytype", p.type())
                .name("assignedtolocations").beginArray();
        model.groups.groups().stream()
                .filter(g -> g.domain() == p.domain() && !g.policyInheritanceEnabled())
                .forEach(g -> w.beginObject().field("groupId", g.id())
                        .name("locationIds").beginArray().endArray().endObject());
        w.endArray().endObject();
    }
}
