package riposte.cli.demo;

import java.io.PrintWriter;

/** What {@code riposte demo} prints once it is up: where, how to log in, and what to try. */
final class DemoBanner {
    private DemoBanner() {}

    static void print(PrintWriter out, DemoInstance demo) {
        String url = demo.url();
        String token = demo.login.apiToken();
        String hash = demo.story.indicators().getFirst().value();
        DemoSimulators sims = demo.simulators;
        DemoSeeder.Result seeded = demo.seeded;
        out.println();
        out.println("Riposte demo is running: " + url);
        out.println("  This is a demo only: the login below is kept in clear in the data directory. Do not put real data in it.");
        out.println();
        out.println("  Log in:     " + demo.login.username() + " / " + demo.login.password());
        out.println("  API token:  RIPOSTE_SERVER_URL=" + url + " RIPOSTE_API_TOKEN=" + token);
        out.println("  Data:       " + demo.dataDir + " (H2 database; `riposte demo --reset` starts over)");
        out.println("  Log:        " + DemoInstance.logFile(demo.dataDir) + " (the console shows warnings and errors only)");
        out.println("  Demo data:  " + (seeded.incidentsCreated() > 0
                ? "seeded " + (seeded.allowListEntriesCreated() > 0 ? seeded.allowListEntriesCreated() + " allow-list entries, " : "")
                        + seeded.incidentsCreated() + " incidents and " + seeded.indicators() + " indicators"
                : "already there (" + seeded.incidentsExisting() + " incidents, " + seeded.indicators() + " indicators)"));
        out.println();
        out.println("  Simulators (in-process, seed 42, the same data as --sim):");
        out.println("    SES Threat Intel  " + sims.ses.baseUrl() + "  client " + sims.ses.clientId() + " / "
                + sims.ses.clientSecret());
        out.println("    SEPM              " + sims.sepm.baseUrl() + "  user " + sims.sepm.username() + " / "
                + sims.sepm.password() + ", certificate " + sims.sepmPem);
        out.println();
        out.println("  Try, in another terminal:");
        out.println("    export RIPOSTE_SERVER_URL=" + url + " RIPOSTE_API_TOKEN=" + token);
        out.println("    ./riposte incident list");
        out.println("    ./riposte indicator show " + hash);
        out.println("    ./riposte intel lookup " + hash + " --sim");
        out.println("    curl -H \"Authorization: Bearer " + token + "\" " + url + "/api/v1/incidents");
        out.println();
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
