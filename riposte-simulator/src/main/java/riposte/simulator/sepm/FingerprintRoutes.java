package riposte.simulator.sepm;

import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;

/**
 * Fingerprint lists, v1 ({@code /sepm/api/v1/policy-objects/fingerprints}) and v2
 * ({@code /sepm/api/v2/...}): get by name or id, create, replace, delete (reference §3.11).
 */
final class FingerprintRoutes {
    private final SepmModel model;

    FingerprintRoutes(SepmModel model) {
        this.model = model;
    }

    void register(SepmRoutes routes) {
        for (boolean v2 : new boolean[] {false, true}) {
            String base = (v2 ? SepmRoutes.V2 : SepmRoutes.V1) + "/policy-objects/fingerprints";
            routes.add("GET", base, Access.BEARER, r -> byName(r, v2))
                    .add("POST", base, Access.BEARER, r -> create(r, v2))
                    .add("GET", base + "/", Access.BEARER, r -> byId(r, v2))
                    .add("POST", base + "/", Access.BEARER, r -> replace(r, v2))
                    .add("DELETE", base + "/", Access.BEARER, this::delete);
        }
    }

    private SimResponse byName(SimRequest request, boolean v2) {
        Query q = new Query(request.rawQuery());
        String name = q.first("name");
        if (name == null || name.isBlank()) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
        String domainId = q.first("domainId", null);
        return model.fingerprints.byName(name, domainId == null ? null : domainId.strip())
                .map(l -> answer(l, v2))
                .orElseGet(() -> SepmErrors.error(410, Fingerprints.notFound(name)));
    }

    private SimResponse byId(SimRequest request, boolean v2) {
        String id = request.tail();
        return model.fingerprints.byId(id).map(l -> answer(l, v2))
                .orElseGet(() -> SepmErrors.error(410, Fingerprints.notFound(id)));
    }

    private static SimResponse answer(FingerprintList list, boolean v2) {
        if (!v2 && list.v1HashType() == null) {
            return SepmErrors.error(400, Fingerprints.TRY_V2);
        }
        return SepmRoutes.ok(Fingerprints.json(list, v2));
    }

    private SimResponse create(SimRequest request, boolean v2) {
        Fingerprints.Outcome outcome = model.fingerprints.create(SepmRoutes.json(request.body()), v2);
        if (outcome.status() != 200) {
            return SepmErrors.error(outcome.status(), outcome.value());
        }
        return SepmRoutes.ok(new JsonWriter().beginObject().field("id", outcome.value()).endObject().toString());
    }

    private SimResponse replace(SimRequest request, boolean v2) {
        var existing = model.fingerprints.byId(request.tail());
        if (existing.isPresent() && !v2 && existing.get().v1HashType() == null) {
            return SepmErrors.error(400, Fingerprints.TRY_V2);
        }
        Fingerprints.Outcome outcome = model.fingerprints.replace(request.tail(), SepmRoutes.json(request.body()), v2);
        return outcome.status() == 200 ? SepmRoutes.empty(200) : SepmErrors.error(outcome.status(), outcome.value());
    }

    private SimResponse delete(SimRequest request) {
        return model.fingerprints.delete(request.tail()) ? SepmRoutes.empty(200)
                : SepmErrors.error(410, Fingerprints.notFound(request.tail()));
    }
}
