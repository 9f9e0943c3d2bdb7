package riposte.cli.sep;

import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import riposte.cli.io.TextTable;
import riposte.symantec.sepm.Group;
import riposte.symantec.sepm.GroupQuery;

/** {@code riposte sep groups [--tree] [--domain ID] [--path P]}. */
@Command(name = "groups", header = "List the groups (with --tree: as a tree, children nested).")
final class SepGroupsCommand extends SepCall {
    @Option(names = "--tree", description = "Show the group tree (children indented; nested childGroups in JSON).")
    boolean tree;

    @Option(names = "--domain", paramLabel = "ID", description = "Only this domain's groups (domain id).")
    String domain;

    @Option(names = "--path", paramLabel = "PATH", description = "Only the group with this full path, e.g. 'My Company\\Default Group'.")
    String path;

    @Override
    int run(SepConnection sepm) {
        GroupQuery q = GroupQuery.all().withDomain(domain).withFullPathName(path);
        if (tree) q = q.asTree();
        try (Stream<Group> groups = sepm.client().groups(q)) {
            if (json()) {
                groups.forEach(g -> SepJson.line(out(), g)); // JSON Lines: one group (tree root) per line
                return ExitCodes.OK;
            }
            TextTable t = new TextTable(out()).column("ID", 32).column("COMPUTERS", 9).column("INHERITS", 8).column("PATH", 10).header();
            groups.forEach(g -> print(t, g, 0));
        }
        return ExitCodes.OK;
    }

    private void print(TextTable t, Group g, int depth) {
        String name = tree ? "  ".repeat(depth) + (depth == 0 ? g.fullPathName() : g.name()) : g.fullPathName();
        t.row(g.id(), g.numberOfPhysicalComputers(), Boolean.TRUE.equals(g.policyInheritanceEnabled()) ? "yes" : "no", name);
        g.childGroups().forEach(c -> print(t, c, depth + 1));
    }
}
