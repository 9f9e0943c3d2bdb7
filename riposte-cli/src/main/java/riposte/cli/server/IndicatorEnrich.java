package riposte.cli.server;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte indicator enrich VALUE... | --input FILE}: bulk enrichment on the server ({@code POST
 * /api/v1/enrichment/bulk}), waiting for it to finish unless {@code --no-wait}. The server creates the indicators,
 * runs the enrichment playbooks behind its rate governor and answers fresh sections from its cache. Exit codes: 0 all
 * enriched, 2 some values were not indicators, 4 some enrichments failed.
 */
@Command(name = "enrich", header = "Enrich indicators on the server (bulk), with progress; values may be defanged.")
final class IndicatorEnrich extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    private static final long POLL_MILLIS = 500;

    @Parameters(arity = "0..*", paramLabel = "VALUE", description = "Hashes, domains, IP addresses, URLs, CVE ids.")
    List<String> values;

    @Option(names = "--input", paramLabel = "FILE", description = "Also read values from FILE, one per line (- for standard input; # comments).")
    String input;

    @Option(names = "--playbook", paramLabel = "ID", description = "A playbook to run on each indicator it applies to (repeatable; default: insight and protection).")
    List<String> playbooks = new ArrayList<>();

    @Option(names = "--create-associated", description = "Related playbooks: create the related files, hosts and addresses as associated indicators.")
    boolean createAssociated;

    @Option(names = "--no-wait", description = "Print the job id and return at once; follow it with GET /api/v1/enrichment/bulk/{id}.")
    boolean noWait;

    @Override
    protected int run(ApiClient api) {
        List<String> all = ValueInput.read(values, input);
        if (all.isEmpty()) throw new CliException(ExitCodes.USAGE, "give indicator values or --input FILE");
        JsonNode job = api.post("enrichment/bulk", ApiClient.body("indicators", all,
                "playbooks", playbooks.isEmpty() ? null : playbooks, "createAssociated", createAssociated));
        String id = job.path("id").asString();
        if (noWait) {
            if (json) printJson(job);
            else out().println(id);
            out().flush();
            return ExitCodes.OK;
        }
        int lastDone = -1;
        while (!job.path("state").asString().equals("completed")) {
            int done = job.path("completed").asInt() + job.path("failed").asInt();
            if (done != lastDone && !json) {
                err().print("\renriched " + done + " of " + (job.path("total").asInt() - job.path("invalid").asInt()
                        - job.path("skipped").asInt()));
                err().flush();
                lastDone = done;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILURE, "interrupted; the server carries on with job " + id);
            }
            job = api.get("enrichment/bulk/" + id, java.util.Map.of("items", false)); // counts only while waiting
        }
        if (job.path("items").isNull()) job = api.get("enrichment/bulk/" + id);
        if (lastDone >= 0) err().println();
        if (json) {
            printJson(job);
        } else {
            TextTable table = new TextTable(out()).column("STATE", 9).column("ID", 6).column("TYPE", 7)
                    .column("FROM", 5).column("REPORTS", 12).column("VALUE", 0).header();
            for (JsonNode item : job.path("items")) {
                List<String> reports = new ArrayList<>();
                boolean cached = !item.path("runs").isEmpty();
                for (JsonNode r : item.path("runs")) {
                    if (!r.path("reportId").isNull() && !r.path("reportId").isMissingNode()) {
                        reports.add(r.path("reportId").asString());
                    }
                    cached &= r.path("fromCache").asBoolean();
                    if (!r.path("failure").isNull() && !r.path("failure").isMissingNode()) {
                        err().println("riposte: " + Terminal.safe(item.path("value").asString()) + ": "
                                + r.path("playbook").asString() + ": " + Terminal.safe(r.path("failure").asString()));
                    }
                }
                boolean invalid = item.path("state").asString().equals("INVALID");
                boolean skipped = item.path("state").asString().equals("SKIPPED"); // allow-listed
                table.row(item.path("state").asString().toLowerCase(java.util.Locale.ROOT),
                        invalid ? "" : item.path("indicatorId").asString(), invalid ? "" : item.path("type").asString(),
                        item.path("runs").isEmpty() ? "" : cached ? "cache" : "live", String.join(",", reports),
                        Terminal.safe(invalid ? item.path("input").asString() + ": " + item.path("message").asString()
                                : skipped ? item.path("value").asString() + ": " + item.path("message").asString()
                                : item.path("value").asString()));
            }
            err().flush();
        }
        if (job.path("failed").asInt() > 0) return ExitCodes.UPSTREAM;
        return job.path("invalid").asInt() > 0 ? ExitCodes.USAGE : ExitCodes.OK;
    }
}
