package riposte.cli.sep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerQuery;

/**
 * {@code riposte sep computers}: streams every matching computer, page by page as output is written, so a fleet
 * of 50 000 endpoints is never held in memory. {@code --json} writes JSON Lines, one SEPM computer record a line.
 */
@Command(name = "computers", header = "List computers (all pages, streamed), filtered by name, id, hardware key, MAC, domain or OS.")
final class SepComputersCommand extends SepCall {
    @Option(names = "--computer-name", paramLabel = "NAME", description = "Name, * as a wildcard (e.g. 'WS-*').")
    String name;

    @Option(names = "--computer-id", paramLabel = "ID", description = "One computer by id.")
    String computerId;

    @Option(names = "--hardware-key", paramLabel = "KEY", description = "One computer by hardware key.")
    String hardwareKey;

    @Option(names = "--mac", paramLabel = "MAC", description = "MAC address, * as a wildcard.")
    String mac;

    @Option(names = "--domain", paramLabel = "ID", description = "Domain id.")
    String domain;

    @Option(names = "--os", split = ",", paramLabel = "OS", description = "Operating systems, comma-separated (e.g. 'Windows 10').")
    List<String> os = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "1000", description = "Computers per SEPM page (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    void validate() {
        if (pageSize < 1 || pageSize > 100_000) throw new CliException(ExitCodes.USAGE, "--page-size must be between 1 and 100000, was " + pageSize);
    }

    @Override
    int run(SepConnection sepm) {
        ComputerQuery q = ComputerQuery.all().withComputerName(name).withMac(mac).withDomain(domain).withOs(os).withPageSize(pageSize);
        if (computerId != null) q = q.withComputerId(computerId);
        if (hardwareKey != null) q = q.withHardwareKey(hardwareKey);
        long n = 0;
        try (Stream<Computer> computers = sepm.client().computers(q)) {
            TextTable t = json() ? null : new TextTable(out()).column("NAME", 20).column("COMPUTER ID", 32).column("IP", 15)
                    .column("OS", 22).column("ONLINE", 6).column("QUARANTINE", 10).column("GROUP", 10).header();
            for (Computer c : (Iterable<Computer>) computers::iterator) {
                n++;
                if (t == null) SepJson.line(out(), c);
                else t.row(c.computerName(), c.uniqueId(), c.ipAddresses().isEmpty() ? "" : c.ipAddresses().get(0),
                        c.osName() != null ? c.osName() : c.operatingSystem(), c.online() ? "yes" : "no",
                        c.quarantineStatus(), c.group() == null ? "" : c.group().path());
            }
        }
        if (!json()) err().println(SepTargetOptions.count(n, "computer") + ".");
        return ExitCodes.OK;
    }
}
