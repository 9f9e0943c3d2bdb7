package riposte.simulator.sepm;

import java.util.List;
import riposte.simulator.http.JsonWriter;

/**
 * Writes a {@code Computer} the way {@code GET /computers} returns it (reference §3.3): the fields the
 * integrations read, the lower-case OS duplicates, {@code group.name} holding the full path with
 * {@code group.fullPathName} null, and int64 timestamps that are never null.
 */
final class ComputerJson {
    private static final String HI_PASSED = "Host Integrity check passed.\n Host Integrity policy is enforced.";
    private static final String HI_DISABLED =
            "Host Integrity check is disabled.\n Host Integrity policy has been disabled by the administrator.";
    private static final String QUARANTINED =
            "Host Integrity check failed.\n The client is quarantined by an administrator command.";

    private ComputerJson() {
    }

    static void write(JsonWriter w, Computer c, GroupTree.Group g, boolean quarantined, boolean verbose,
                      long nowMillis) {
        OsProfile os = c.os();
        long lastUpdate = c.lastUpdateTime(nowMillis);
        w.beginObject()
                .field("computerName", c.computerName())
                .field("uniqueId", c.uniqueId())
                .field("hardwareKey", c.hardwareKey())
                .field("agentId", c.agentId())
                .field("currentClientId", c.agentId())
                .stringArray("ipAddresses", List.of(c.ip()))
                .stringArray("macAddresses", List.of(c.mac(), c.mac()))
                .field("lastConnectedIpAddr", c.ip())
                .stringArray("gateways", List.of(gateway(c.ip())))
                .stringArray("subnetMasks", List.of("255.255.255.0"))
                .stringArray("dnsServers", List.of("10.0.0.53"))
                .stringArray("winServers", List.of())
                .field("dhcpServer", "10.0.0.2")
                .field("domainOrWorkgroup", os.family().equals("WINDOWS") ? "CORP" : "WORKGROUP")
                .field("onlineStatus", c.online() ? 1 : 0)
                .field("infected", 0)
                .field("worstInfectionIdx", "0")
                .field("quarantineDesc", quarantined ? QUARANTINED : c.hostIntegrityPassed() ? HI_PASSED : HI_DISABLED)
                .field("quarantineStatus", quarantined ? 1 : 0)
                .field("quarantineCode", quarantined ? 1 : 0)
                .field("rebootRequired", 0)
                .field("lastUpdateTime", lastUpdate)
                .field("lastScanTime", c.lastScanTime())
                .field("lastVirusTime", c.lastVirusTime())
                .field("lastDownloadTime", lastUpdate)
                .field("creationTime", c.creationTime())
                .field("agentTimeStamp", lastUpdate)
                .field("computerTimeStamp", lastUpdate)
                .field("operatingSystem", os.osName())
                .field("agentVersion", c.agentVersion())
                .field("agentType", "105")
                .field("deploymentRunningVersion", c.agentVersion())
                .field("deploymentTargetVersion", c.agentVersion())
                .field("avDefsetVersion", c.avDefsetVersion())
                .field("cidsDefsetVersion", c.avDefsetVersion())
                .field("logonUserName", c.user())
                .field("timeZone", c.timeZone());
        osFields(w, os, false);
        osFields(w, os, true);
        w.field("apOnOff", c.apOnOff())
                .field("avEngineOnOff", c.apOnOff())
                .field("firewallOnOff", c.firewallOnOff())
                .field("tamperOnOff", c.tamperOnOff())
                .field("cidsDrvOnOff", 1)
                .field("cidsBrowserIeOnOff", os.family().equals("WINDOWS") ? 1 : 2)
                .field("cidsBrowserFfOnOff", 2)
                .field("daOnOff", 1)
                .field("elamOnOff", os.family().equals("WINDOWS") ? 1 : 2)
                .field("pepOnOff", 1)
                .field("ptpOnOff", 1);
        if (!verbose) {
            w.field("memory", c.memory())
                    .field("processorType", c.processorType())
                    .field("biosVersion", "VMware7,1")
                    .field("description", "")
                    .field("profileVersion", "14.3.9210")
                    .field("profileSerialNo", "CAD8-" + c.uniqueId().substring(0, 8))
                    .field("patternIdx", c.avDefsetVersion().substring(0, 10).replace("-", "") + "002");
        }
        w.name("group").beginObject()
                .name("domain").beginObject()
                .field("id", g.domain().id()).field("name", g.domain().name()).endObject()
                .field("name", g.fullPathName())
                .name("fullPathName").nullValue()
                .name("externalReferenceId").nullValue()
                .name("source").nullValue()
                .field("id", g.id())
                .endObject();
        w.endObject();
    }

    private static void osFields(JsonWriter w, OsProfile os, boolean lowerCase) {
        w.field(lowerCase ? "osname" : "osName", os.osName())
                .field(lowerCase ? "osversion" : "osVersion", os.osVersion())
                .field(lowerCase ? "osmajor" : "osMajor", os.osMajor())
                .field(lowerCase ? "osminor" : "osMinor", os.osMinor())
                .field(lowerCase ? "osbitness" : "osBitness", "x64")
                .field(lowerCase ? "osfunction" : "osFunction", os.osFunction())
                .field(lowerCase ? "oslanguage" : "osLanguage", "en-US")
                .field(lowerCase ? "osservicePack" : "osServicePack", "")
                .field(lowerCase ? "osflavorNumber" : "osFlavorNumber", os.server() ? 7 : 48);
        if (!lowerCase) {
            w.field("kernel", os.kernel());
        }
    }

    private static String gateway(String ip) {
        return ip.substring(0, ip.lastIndexOf('.')) + ".254";
    }
}
