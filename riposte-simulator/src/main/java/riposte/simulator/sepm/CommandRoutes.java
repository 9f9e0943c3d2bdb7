package riposte.simulator.sepm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;

/**
 * The command queue endpoints (reference §3.5–3.10, §4): EOC scan and remediation, file upload,
 * quarantine, the other client commands, command status pages, cancel, and uploaded file details
 * and content.
 */
final class CommandRoutes {
    private static final String CQ = SepmRoutes.V1 + "/command-queue";
    private final SepmModel model;

    CommandRoutes(SepmModel model) {
        this.model = model;
    }

    void register(SepmRoutes routes) {
        routes.add("POST", CQ + "/eoc", Access.BEARER, this::eoc)
                .add("POST", CQ + "/files", Access.BEARER, this::upload)
                .add("POST", CQ + "/quarantine", Access.BEARER, this::quarantine);
        for (String other : List.of("activescan", "fullscan", "updatecontent", "baseline", "restart", "ironcache")) {
            routes.add("POST", CQ + "/" + other, Access.BEARER,
                    r -> byTargetKind(new Query(r.rawQuery()), CommandKind.OTHER, null));
        }
        routes.add("GET", CQ + "/", Access.BEARER, this::getUnderQueue)
                .add("POST", CQ + "/", Access.BEARER, this::cancel);
    }

    private SimResponse eoc(SimRequest request) {
        // The body is the raw XML whatever the Content-Type says (fn_sep sends application/json).
        EocRequest eoc;
        try {
            eoc = EocRequest.parse(SepmRoutes.utf8(request.body()));
        } catch (XMLStreamException | RuntimeException e) {
            throw new Query.BadRequest("The EOC XML is invalid.");
        }
        return byTargetKind(new Query(request.rawQuery()), eoc.remediate() ? CommandKind.EOC_REMEDIATE
                : CommandKind.EOC_SCAN, eoc);
    }

    private SimResponse quarantine(SimRequest request) {
        Query q = new Query(request.rawQuery());
        return byTargetKind(q, q.bool("undo") ? CommandKind.UNQUARANTINE : CommandKind.QUARANTINE, null);
    }

    /** One command per target kind: {@code commandID_computer} (computers and hardware keys) and {@code commandID_group}. */
    private SimResponse byTargetKind(Query q, CommandKind kind, EocRequest eoc) {
        List<String> computerIds = q.list("computer_ids");
        List<String> hardwareIds = q.list("hardware_ids");
        List<String> groupIds = q.list("group_ids");
        if (computerIds.isEmpty() && hardwareIds.isEmpty() && groupIds.isEmpty()) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
        BitSet computers = new BitSet();
        resolve(computerIds, model.fleet::byUniqueId, computers);
        resolve(hardwareIds, model.fleet::byHardwareKey, computers);
        BitSet inGroups = new BitSet();
        for (String groupId : groupIds) {
            GroupTree.Group group = model.groups.byId(groupId).orElseThrow(() -> new Query.BadRequest(SepmErrors.INVALID));
            for (int i = 0; i < model.fleet.size(); i++) {
                if (model.groups.isDescendantOrSelf(model.fleet.groupOf(i), group.index())) {
                    inGroups.set(i);
                }
            }
        }
        long now = model.now();
        JsonWriter w = new JsonWriter().beginObject();
        if (!computerIds.isEmpty() || !hardwareIds.isEmpty()) {
            w.field("commandID_computer", model.queue.submit(kind, computers.stream().toArray(), now, eoc, null).id);
        }
        if (!groupIds.isEmpty()) {
            w.field("commandID_group", model.queue.submit(kind, inGroups.stream().toArray(), now, eoc, null).id);
        }
        return SepmRoutes.ok(w.endObject().toString());
    }

    private void resolve(List<String> ids, Function<String, OptionalInt> lookup, BitSet into) {
        for (String id : ids) {
            OptionalInt index = lookup.apply(id);
            if (index.isEmpty()) {
                throw new Query.BadRequest(SepmErrors.INVALID);
            }
            into.set(index.getAsInt());
        }
    }

    private SimResponse upload(SimRequest request) {
        Query q = new Query(request.rawQuery());
        List<String> computerIds = q.list("computer_ids");
        String path = q.first("file_path", "");
        if (computerIds.isEmpty() || path.isBlank()) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
        BitSet computers = new BitSet();
        resolve(computerIds, model.fleet::byUniqueId, computers);
        var upload = new Command.Upload(path, blankToNull(q.first("md5")), blankToNull(q.first("sha1")),
                blankToNull(q.first("sha256")), q.first("source", "FILESYSTEM"));
        Command c = model.queue.submit(CommandKind.UPLOAD, computers.stream().toArray(), model.now(), null, upload);
        return SepmRoutes.ok(new JsonWriter().beginObject().field("commandID", c.id).endObject().toString());
    }

    private SimResponse getUnderQueue(SimRequest request) {
        String[] parts = request.tail().split("/");
        if (parts.length == 3 && parts[0].equals("file") && parts[2].equals("details")) {
            return fileDetails(parts[1]);
        }
        if (parts.length == 3 && parts[0].equals("file") && parts[2].equals("content")) {
            return fileContent(parts[1]);
        }
        if (parts.length != 1) {
            return SepmErrors.error(404, SepmErrors.NOT_FOUND);
        }
        return model.queue.find(parts[0])
                .map(c -> SepmRoutes.ok(CommandStatusPage.write(model, c, Paging.of(new Query(request.rawQuery()),
                        20, "Begintime"))))
                .orElseGet(SepmErrors::gone);
    }

    private SimResponse cancel(SimRequest request) {
        String[] parts = request.tail().split("/");
        if (parts.length != 2 || !parts[1].equals("cancel")) {
            return SepmErrors.error(404, SepmErrors.NOT_FOUND);
        }
        return model.queue.find(parts[0]).map(c -> {
            Command cancel = model.queue.cancel(c, model.now());
            return SepmRoutes.ok(new JsonWriter().beginObject().field("commandID", cancel.id).endObject().toString());
        }).orElseGet(SepmErrors::gone);
    }

    private SimResponse fileDetails(String fileId) {
        return model.queue.uploadedFile(fileId, model.now()).map(f -> SepmRoutes.ok(new JsonWriter().beginObject()
                .field("id", fileId.toUpperCase(Locale.ROOT))
                .field("fileSize", f.size())
                .field("checksum", Inventory.hex("MD5", model.inventory.content(f)).toUpperCase(Locale.ROOT))
                .endObject().toString())).orElseGet(SepmErrors::gone);
    }

    private SimResponse fileContent(String fileId) {
        return model.queue.uploadedFile(fileId, model.now())
                .map(f -> SimResponse.json(200, FileArchive.zip(fileId.toUpperCase(Locale.ROOT), f,
                        model.inventory.content(f))).withHeader("Content-Type", "application/octet-stream"))
                .orElseGet(SepmErrors::gone);
    }

    static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
