package riposte.cli.sep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.Group;
import riposte.symantec.sepm.GroupQuery;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.Targets;

/** Which endpoints a command goes to: {@code --computer-ids}, {@code --group-ids}, {@code --computer-name} or {@code --all}. */
final class SepTargetOptions {
    @Option(names = "--computer-ids", split = ",", paramLabel = "ID", description = "Computer ids (uniqueId, 32 hex digits), comma-separated.")
    List<String> computerIds = new ArrayList<>();

    @Option(names = "--group-ids", split = ",", paramLabel = "ID", description = "Group ids (32 hex digits), comma-separated.")
    List<String> groupIds = new ArrayList<>();

    @Option(names = "--computer-name", paramLabel = "NAME", description = "Computers whose name matches NAME (* is a wildcard, e.g. 'WS-*').")
    String computerName;

    @Option(names = "--all", description = "Every group, hence every computer the administrator can see.")
    boolean all;

    /** What the targets resolved to, with a description for confirmations. */
    record Resolved(Targets targets, String description) {}

    /** Refuses missing or conflicting targets before anything is sent. */
    void validate() {
        boolean given = !computerIds.isEmpty() || !groupIds.isEmpty() || computerName != null;
        if (!given && !all) {
            throw new CliException(ExitCodes.USAGE, "no targets: give --computer-ids ID,..., --group-ids ID,..., --computer-name NAME or --all");
        }
        if (given && all) throw new CliException(ExitCodes.USAGE, "--all cannot be combined with --computer-ids, --group-ids or --computer-name");
        if (computerName != null && computerName.isBlank()) throw new CliException(ExitCodes.USAGE, "--computer-name needs a name, e.g. 'WS-*'");
        if (!computerIds.isEmpty() || !groupIds.isEmpty()) new Targets(computerIds, groupIds, List.of()); // checks the ids' syntax (exit 2)
    }

    /** Looks names and {@code --all} up (GET calls only) and returns the targets. */
    Resolved resolve(SepmClient sepm) {
        List<String> computers = new ArrayList<>(computerIds);
        List<String> groups = new ArrayList<>(groupIds);
        List<String> parts = new ArrayList<>();
        if (!computerIds.isEmpty()) parts.add(count(computerIds.size(), "computer") + " by id");
        if (!groupIds.isEmpty()) parts.add(count(groupIds.size(), "group") + " by id");
        if (computerName != null) {
            try (Stream<String> ids = sepm.computers(ComputerQuery.all().withComputerName(computerName.strip())).map(c -> c.uniqueId())) {
                List<String> found = ids.toList();
                if (found.isEmpty()) throw new CliException(ExitCodes.USAGE, "no computer's name matches '" + computerName + "'");
                computers.addAll(found);
                parts.add(count(found.size(), "computer") + " named '" + computerName + "'");
            }
        }
        if (all) {
            long endpoints = 0;
            try (Stream<Group> all = sepm.groups(GroupQuery.all())) {
                for (Group g : (Iterable<Group>) all::iterator) {
                    groups.add(g.id());
                    endpoints += g.numberOfPhysicalComputers() == null ? 0 : g.numberOfPhysicalComputers();
                }
            }
            if (groups.isEmpty()) throw new CliException(ExitCodes.USAGE, "--all: SEPM lists no group for this administrator");
            parts.add("all " + count(groups.size(), "group") + " (" + count(endpoints, "computer") + ")");
        }
        return new Resolved(new Targets(computers.stream().distinct().toList(), groups.stream().distinct().toList(), List.of()),
                String.join(" and ", parts));
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
