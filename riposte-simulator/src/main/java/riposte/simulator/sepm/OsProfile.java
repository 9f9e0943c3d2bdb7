package riposte.simulator.sepm;

import java.util.List;

/**
 * An operating system as SEPM reports it. {@code code} is the value of the {@code os} filter of
 * {@code GET /computers} (SPEC enum); {@code family} drives the inventory.
 */
record OsProfile(String code, String osName, String osVersion, int osMajor, int osMinor, String family,
                 boolean server, String kernel, double share) {

    static final List<OsProfile> ALL = List.of(
            new OsProfile("Win10", "Windows 10", "10.0", 10, 0, "WINDOWS", false, "", 0.62),
            new OsProfile("Win2K16", "Windows Server 2016", "10.0", 10, 0, "WINDOWS", true, "", 0.14),
            new OsProfile("Win2K12", "Windows Server 2012", "6.2", 6, 2, "WINDOWS", true, "", 0.08),
            new OsProfile("RedHat", "Red Hat Enterprise Linux", "8.6", 8, 6, "LINUX", false, "4.18.0-372.el8.x86_64", 0.09),
            new OsProfile("MacOSX", "macOS", "13.4", 13, 4, "MAC", false, "22.5.0", 0.07));

    static OsProfile pick(double draw) {
        double acc = 0;
        for (OsProfile os : ALL) {
            acc += os.share();
            if (draw < acc) {
                return os;
            }
        }
        return ALL.getLast();
    }

    String osFunction() {
        return server ? "Server" : "Workstation";
    }
}
