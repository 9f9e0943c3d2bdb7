package riposte.simulator.sepm;

import riposte.simulator.http.JsonWriter;

/**
 * Writes one page of {@code GET /command-queue/{id}} (reference §4.2): rows ordered by begin time
 * with null begin times first, states computed for the rows of the page only.
 */
final class CommandStatusPage {
    private CommandStatusPage() {
    }

    static String write(SepmModel model, Command c, Paging paging) {
        long now = model.now();
        int total = model.queue.rowsVisible(c, now) ? c.targets.length : 0;
        int begun = c.begunCount(now);
        return paging.write(total, "Begintime", (w, i) -> {
            int rank = (int) paging.offset() + i;
            int ascRank = paging.ascending() ? rank : total - 1 - rank;
            // Null begin times first (byBegin suffix), then begun rows by begin time (byBegin prefix).
            int position = ascRank < total - begun ? c.byBegin[begun + ascRank] : c.byBegin[ascRank - (total - begun)];
            row(w, model, c, position, now);
        });
    }

    private static void row(JsonWriter w, SepmModel model, Command c, int position, long now) {
        Computer computer = model.fleet.computer(c.targets[position]);
        EndpointState s = model.queue.state(c, position, now);
        w.beginObject()
                .field("computerName", computer.computerName())
                .field("computerId", computer.uniqueId())
                .field("hardwareKey", computer.hardwareKey())
                .field("computerIp", computer.ip())
                .field("domainName", model.groupOf(computer).domain().name())
                .field("currentLoginUserName", computer.user())
                .field("stateId", s.stateId())
                .field("subStateId", s.subStateId())
                .field("subStateDesc", s.subStateDesc())
                .field("beginTime", CommandRoutes.iso(s.beginTime()))
                .field("lastUpdateTime", CommandRoutes.iso(s.lastUpdateTime()))
                .field("binaryFileId", s.binaryFileId())
                .field("resultInXML", s.resultInXML())
                .endObject();
    }
}
