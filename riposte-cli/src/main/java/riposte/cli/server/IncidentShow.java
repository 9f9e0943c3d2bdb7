package riposte.cli.server;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/** {@code riposte incident show ID}: the incident with its artifacts, notes and tasks. */
@Command(name = "show", header = "Show an incident with its artifacts, notes and tasks.")
final class IncidentShow extends ApiCommand {
    /** The most of each list one request returns (the server's largest page). */
    static final int MAX = 200;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Override
    protected int run(ApiClient api) {
        JsonNode incident = api.get("incidents/" + id);
        Map<String, Object> pageOfAll = Map.of("size", MAX);
        JsonNode artifacts = api.get("incidents/" + id + "/artifacts", pageOfAll);
        JsonNode notes = api.get("incidents/" + id + "/notes", pageOfAll);
        JsonNode tasks = api.get("incidents/" + id + "/tasks", pageOfAll);
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("incident", incident);
            all.put("artifacts", artifacts.path("items"));
            all.put("notes", notes.path("items"));
            all.put("tasks", tasks.path("items"));
            printJson(all);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        print(out, as(incident, Views.Incident.class));
        section(out, "Artifacts", artifacts);
        TextTable a = new TextTable(out).column("ID", 6).column("TYPE", 8).column("ALLOW-LISTED", 12).column("SOURCE", 16)
                .column("VALUE", 0).header();
        for (Views.Artifact x : Views.items(artifacts, Views.Artifact.class)) {
            a.row(x.id(), x.type(), x.allowListed() ? "yes" : "", Views.orEmpty(x.source()), x.value()
                    + (x.description() == null || x.description().isBlank() ? "" : "  (" + x.description() + ")"));
        }
        section(out, "Notes", notes);
        for (Views.Note n : Views.items(notes, Views.Note.class)) {
            out.println("[" + n.id() + "] " + Views.time(n.createdAt()) + " " + Terminal.safe(n.author()) + ":");
            for (String line : n.body().split("\n", -1)) out.println("    " + Terminal.safe(line));
        }
        section(out, "Tasks", tasks);
        TextTable t = new TextTable(out).column("ID", 6).column("STATUS", 9).column("OWNER", 12).column("DUE", 20)
                .column("TITLE", 0).header();
        for (Views.Task x : Views.items(tasks, Views.Task.class)) {
            t.row(x.id(), x.status(), Views.orEmpty(x.owner()), Views.time(x.dueAt()), x.title());
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Views.Incident i) {
        out.println("Incident " + i.id() + ": " + Terminal.safe(i.name()));
        out.println("  severity:  " + i.severity());
        out.println("  status:    " + i.status() + (i.closedAt() == null ? "" : " (closed " + Views.time(i.closedAt()) + ")"));
        out.println("  type:      " + Terminal.safe(i.type()));
        out.println("  owner:     " + Terminal.safe(i.owner()));
        out.println("  created:   " + Views.time(i.createdAt()));
        out.println("  updated:   " + Views.time(i.updatedAt()) + " (version " + i.version() + ")");
        if (i.description() != null && !i.description().isBlank()) {
            out.println("  description:");
            for (String line : i.description().split("\n", -1)) out.println("    " + Terminal.safe(line));
        }
        out.flush();
    }

    private static void section(PrintWriter out, String title, JsonNode page) {
        Views.Page p = Views.Page.of(page);
        int shown = page.path("items").size();
        out.println();
        out.println(title + " (" + p.totalItems() + (shown < p.totalItems() ? ", the first " + shown + " shown" : "") + "):");
    }
}
