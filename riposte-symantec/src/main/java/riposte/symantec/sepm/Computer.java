package riposte.symantec.sepm;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A computer from {@code GET /computers}: the fields integrations read, of the ~150 SEPM sends. Timestamps are epoch
 * milliseconds (0 = never); engine flags are 0 off, 1 on, 2 not installed, 4 malfunctioning, 127 not reporting.
 * Real responses carry lower-case duplicates of the OS fields ({@code osname}); both spellings are read.
 * {@link #uniqueId()} is the computer id that commands take.
 */
public record Computer(
        String uniqueId, String computerName, String hardwareKey, String agentId, String domainOrWorkgroup,
        List<String> ipAddresses, List<String> macAddresses, String lastConnectedIpAddr, ComputerGroup group,
        String operatingSystem, @JsonAlias("osname") String osName, @JsonAlias("osversion") String osVersion,
        @JsonAlias("osbitness") String osBitness, String agentVersion, String agentType, String avDefsetVersion,
        Integer onlineStatus, Integer infected, String worstInfectionIdx, String quarantineDesc,
        String quarantineStatus, String quarantineCode, String rebootRequired,
        Long lastScanTime, Long lastUpdateTime, Long lastVirusTime, Long lastDownloadTime, Long creationTime,
        Integer apOnOff, Integer avEngineOnOff, Integer cidsBrowserFfOnOff, Integer cidsBrowserIeOnOff,
        Integer cidsDrvOnOff, Integer daOnOff, Integer elamOnOff, Integer firewallOnOff, Integer pepOnOff,
        Integer ptpOnOff, Integer tamperOnOff,
        String logonUserName, String description, Integer timeZone) {

    public Computer {
        ipAddresses = ipAddresses == null ? List.of() : ipAddresses.stream().filter(s -> s != null).toList();
        macAddresses = macAddresses == null ? List.of() : macAddresses.stream().filter(s -> s != null).toList();
    }

    /** MAC addresses without the duplicates SEPM sometimes sends, in order. */
    public List<String> distinctMacAddresses() {
        return List.copyOf(new LinkedHashSet<>(macAddresses));
    }

    /** True if {@code onlineStatus} is 1. */
    public boolean online() {
        return onlineStatus != null && onlineStatus == 1;
    }
}
