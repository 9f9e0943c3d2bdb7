package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed domains and group tree of the simulated SEPM (reference §3.2, §3.4): a "Default" domain
 * with a realistic tree mixing groups that inherit policy and groups that do not (lockdown can only
 * be assigned to the latter), and a small "Lab" domain.
 */
final class GroupTree {

    /** A SEPM domain. */
    record Domain(int index, String id, String name, String companyName, long createdTime) {}

    /** A group; {@code fullPathName} uses the SEPM back-slash separator, the root is "My Company". */
    record Group(int index, String id, String name, String fullPathName, int parent, Domain domain,
                 boolean policyInheritanceEnabled, boolean holdsComputers, long created) {}

    private final List<Domain> domains = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    GroupTree(Ids ids, long startMillis) {
        long created = startMillis - 400L * 86_400_000L;
        Domain main = new Domain(0, ids.id(Ids.DOMAIN, 0), "Default", "Riposte Demo Corp", created);
        Domain lab = new Domain(1, ids.id(Ids.DOMAIN, 1), "Lab", "Riposte Demo Corp", created + 86_400_000L);
        domains.add(main);
        domains.add(lab);
        int root = add(ids, main, -1, "My Company", false, false, created);
        add(ids, main, root, "Default Group", true, true, created);
        int servers = add(ids, main, root, "Servers", true, false, created);
        add(ids, main, servers, "Production", false, true, created);
        add(ids, main, servers, "Staging", true, true, created);
        int workstations = add(ids, main, root, "Workstations", true, false, created);
        add(ids, main, workstations, "Finance", false, true, created);
        add(ids, main, workstations, "Engineering", true, true, created);
        add(ids, main, workstations, "Sales", true, true, created);
        add(ids, main, root, "Linux and Mac", true, true, created);
        add(ids, main, root, "Lockdown", false, true, created);
        int labRoot = add(ids, lab, -1, "My Company", false, false, created);
        add(ids, lab, labRoot, "Lab Machines", true, true, created);
    }

    private int add(Ids ids, Domain domain, int parent, String name, boolean inherit, boolean holds, long created) {
        int index = groups.size();
        String path = parent < 0 ? name : groups.get(parent).fullPathName() + "\\" + name;
        groups.add(new Group(index, ids.id(Ids.GROUP, index), name, path, parent, domain, inherit, holds,
                created + index * 3_600_000L));
        return index;
    }

    List<Domain> domains() {
        return domains;
    }

    List<Group> groups() {
        return groups;
    }

    Group group(int index) {
        return groups.get(index);
    }

    Optional<Group> byId(String id) {
        return groups.stream().filter(g -> g.id().equalsIgnoreCase(id)).findFirst();
    }

    Optional<Domain> domainById(String id) {
        return domains.stream().filter(d -> d.id().equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id)).findFirst();
    }

    /** Index of the group at {@code fullPathName}, case-insensitive. */
    Optional<Group> byPath(String domainId, String fullPathName) {
        return groups.stream()
                .filter(g -> g.domain().id().equals(domainId) && g.fullPathName().equalsIgnoreCase(fullPathName))
                .findFirst();
    }

    /** Group index for a newly seeded computer: by OS family and a random draw. */
    int seedGroup(String osFamily, boolean server, double draw) {
        if (draw < 0.02) {
            return index("Lab Machines");
        }
        if (draw < 0.10) {
            return index("Default Group");
        }
        if (draw < 0.12) {
            return index("Lockdown");
        }
        if (!osFamily.equals("WINDOWS")) {
            return index("Linux and Mac");
        }
        if (server) {
            return draw < 0.60 ? index("Production") : index("Staging");
        }
        return draw < 0.35 ? index("Finance") : draw < 0.70 ? index("Engineering") : index("Sales");
    }

    private int index(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().index();
    }

    boolean isDescendantOrSelf(int group, int ancestor) {
        for (int g = group; g >= 0; g = groups.get(g).parent()) {
            if (g == ancestor) {
                return true;
            }
        }
        return false;
    }
}
