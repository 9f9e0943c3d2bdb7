package riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command of the tree answers {@code --help} (and {@code -h} where it is free) with its usage, exit 0. */
class HelpEverywhereTest {

    @TestFactory
    List<DynamicTest> everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Riposte.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("the command tree").hasSizeGreaterThan(50);
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                tests.add(DynamicTest.dynamicTest("riposte " + String.join(" ", args), () -> {
                    CliRun run = CliRun.of(args.toArray(String[]::new));
                    if (flag.equals("-h") && !run.out().contains("Usage:") && hasOtherShortH(path)) {
                        return; // this command uses -h for something else; --help is checked above
                    }
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.out()).contains("Usage: riposte");
                    assertThat(run.err()).isEmpty();
                }));
            }
        }
        return tests;
    }

    /** Scripts pass --yes to every mutating command: each accepts it (those that confirm also take --dry-run). */
    @TestFactory
    List<DynamicTest> everyMutatingCommandAcceptsYes() {
        List<String> confirming = List.of("sep remediate", "sep quarantine", "sep unquarantine", "sep move",
                "sep blacklist add", "sep blacklist remove", "sep blacklist assign", "sep blacklist delete",
                "sep command cancel");
        List<String> asking = List.of("sep scan", "sep upload", "incident create", "incident update",
                "incident note add", "incident artifact add", "incident attachment add", "indicator add",
                "indicator tag", "indicator enrich", "allowlist add", "allowlist remove", "playbook run");
        List<DynamicTest> tests = new ArrayList<>();
        for (String command : confirming) {
            tests.add(DynamicTest.dynamicTest(command + " --yes --dry-run", () -> assertAccepted(command, "--yes", "--dry-run")));
        }
        for (String command : asking) {
            tests.add(DynamicTest.dynamicTest(command + " --yes", () -> assertAccepted(command, "--yes")));
        }
        return tests;
    }

    private static void assertAccepted(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of(options));
        args.add("--help"); // parsed first: an unknown option fails before help is printed
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--yes");
    }

    @Test
    void versionAtTheTop() {
        CliRun run = CliRun.of("-V");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isNotBlank();
        assertThat(CliRun.of("--version").exitCode()).isZero();
    }

    private static boolean hasOtherShortH(List<String> path) {
        CommandLine cl = Riposte.commandLine();
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        CommandLine.Model.OptionSpec h = cl.getCommandSpec().findOption("-h");
        return h != null && !h.usageHelp();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias: the command is walked under its name
            }
            List<String> next = new ArrayList<>(path);
            next.add(e.getKey());
            collect(e.getValue(), next, paths);
        }
    }
}
