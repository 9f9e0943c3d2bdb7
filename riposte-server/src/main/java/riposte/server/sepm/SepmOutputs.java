package riposte.server.sepm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import riposte.symantec.sepm.CommandStatus;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerGroup;
import riposte.symantec.sepm.EndpointCompliance;
import riposte.symantec.sepm.EocCriterion;
import riposte.symantec.sepm.EocMatch;
import riposte.symantec.sepm.EocResult;
import riposte.symantec.sepm.Fingerprint;
import riposte.symantec.sepm.FingerprintList;
import riposte.symantec.sepm.Group;
import riposte.symantec.sepm.SepmDomain;

/**
 * SEPM records as the maps of the {@code sepm.*} outputs, keyed as {@code docs/playbooks.md} documents them, with
 * values the data tables take as they are: text as strings (lists joined), times as ISO-8601 UTC, flags as booleans.
 */
final class SepmOutputs {
    /** {@code 2024-05-01 rev. 002}, {@code 20240501.002}, or SEPM's {@code 240501002}. */
    private static final Pattern DEFSET_LONG = Pattern.compile("^(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern DEFSET_SHORT = Pattern.compile("^(\\d{2})(\\d{2})(\\d{2})\\d{3}$");

    private SepmOutputs() {}

    /** The OS family the guide's support notes speak of: {@code WINDOWS}, {@code MACOS}, {@code LINUX} or {@code OTHER}. */
    static String osFamily(Computer c) {
        String os = (String.valueOf(c.osName()) + " " + String.valueOf(c.operatingSystem())).toLowerCase(Locale.ROOT);
        if (os.contains("windows")) return "WINDOWS";
        if (os.contains("mac") || os.contains("os x")) return "MACOS";
        if (os.contains("linux") || os.contains("red hat") || os.contains("ubuntu") || os.contains("centos")
                || os.contains("suse") || os.contains("debian")) {
            return "LINUX";
        }
        return "OTHER";
    }

    static String osName(Computer c) {
        return c.osName() != null && !c.osName().isBlank() ? c.osName() : c.operatingSystem();
    }

    /** SEPM's {@code quarantineStatus}/{@code quarantineCode} are non-zero while the endpoint is quarantined. */
    static boolean quarantined(Computer c) {
        return nonZero(c.quarantineStatus()) || nonZero(c.quarantineCode());
    }

    private static boolean nonZero(String s) {
        return s != null && !s.isBlank() && !s.strip().equals("0") && !s.strip().equalsIgnoreCase("false");
    }

    static Map<String, Object> endpoint(Computer c, EndpointCompliance compliance) {
        ComputerGroup g = c.group();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computerName", c.computerName());
        m.put("computerId", c.uniqueId());
        m.put("hardwareKey", c.hardwareKey());
        m.put("domainName", g == null || g.domain() == null ? null : g.domain().name());
        m.put("domainId", g == null || g.domain() == null ? null : g.domain().id());
        m.put("groupName", g == null ? null : g.path());
        m.put("groupId", g == null ? null : g.id());
        m.put("ipAddresses", String.join(", ", c.ipAddresses()));
        m.put("operatingSystem", osName(c));
        m.put("osFamily", osFamily(c));
        m.put("windows", osFamily(c).equals("WINDOWS"));
        m.put("logonUser", c.logonUserName());
        m.put("online", c.online());
        m.put("agentVersion", c.agentVersion());
        m.put("definitionsVersion", c.avDefsetVersion());
        m.put("definitionsDate", definitionsDate(c.avDefsetVersion()));
        m.put("quarantined", quarantined(c));
        m.put("quarantineStatus", quarantined(c) ? "Quarantined" : "Un-Quarantined");
        m.put("lastUpdate", millis(c.lastUpdateTime()));
        m.put("compliant", compliance.compliant());
        m.put("reasons", reasons(compliance));
        return m;
    }

    static String reasons(EndpointCompliance e) {
        List<String> out = new ArrayList<>();
        e.issues().stream().sorted().forEach(i -> out.add(switch (i) {
            case OFFLINE -> "offline";
            case HOST_INTEGRITY_FAILED -> "Host Integrity check failed";
            case OUT_OF_DATE -> "no status update within the heartbeat age";
            case PROTECTION_DISABLED -> "disabled: " + String.join(", ", e.disabledFeatures().stream()
                    .map(Enum::name).toList());
            case PROTECTION_MALFUNCTIONING -> "malfunctioning: " + String.join(", ", e.malfunctioningFeatures()
                    .stream().map(Enum::name).toList());
        }));
        return String.join("; ", out);
    }

    /** The date of a definitions version, at midnight UTC, or null when the version has another form. */
    static String definitionsDate(String version) {
        if (version == null) return null;
        String v = version.strip();
        Matcher m = DEFSET_LONG.matcher(v);
        int year;
        if (m.find() && v.length() >= 8) {
            year = Integer.parseInt(m.group(1));
        } else {
            m = DEFSET_SHORT.matcher(v);
            if (!m.find()) return null;
            year = 2000 + Integer.parseInt(m.group(1));
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String millis(Long epochMillis) {
        return epochMillis == null || epochMillis <= 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    static Map<String, Object> group(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupName", g.name());
        m.put("groupId", g.id());
        m.put("fullPath", g.fullPathName() != null ? g.fullPathName() : g.name());
        m.put("domainName", g.domain() == null ? null : g.domain().name());
        m.put("domainId", g.domain() == null ? null : g.domain().id());
        m.put("description", g.description());
        m.put("policyInheritance", Boolean.TRUE.equals(g.policyInheritanceEnabled()));
        m.put("computerCount", g.numberOfPhysicalComputers() == null ? 0 : g.numberOfPhysicalComputers());
        m.put("created", millis(g.created()));
        m.put("lastModified", millis(g.lastModified()));
        return m;
    }

    static Map<String, Object> domain(SepmDomain d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domainId", d.id());
        m.put("domainName", d.name());
        m.put("description", d.description());
        m.put("enabled", !Boolean.FALSE.equals(d.enable()));
        m.put("companyName", d.companyName());
        m.put("created", millis(d.createdTime()));
        return m;
    }

    /** The flat outputs of a fingerprint list; {@code found} false and the rest null for none. */
    static Map<String, Object> fingerprintList(FingerprintList list, String domainId, String domainName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("found", list != null);
        m.put("fingerprintListId", list == null ? null : list.id());
        m.put("fingerprintListName", list == null ? null : list.name());
        m.put("description", list == null ? null : list.description());
        m.put("domainId", list == null ? null : domainId);
        m.put("domainName", list == null ? null : domainName);
        if (list == null) {
            for (String k : List.of("hashType", "hashes", "hashesText", "hashCount", "groupIds", "lockdownGroups",
                    "source")) {
                m.put(k, null);
            }
            return m;
        }
        List<String> hashes = list.fingerprints().stream().map(Fingerprint::value).distinct().toList();
        var types = new LinkedHashSet<String>();
        list.fingerprints().forEach(f -> types.add(f.hashType()));
        m.put("hashType", types.isEmpty() ? list.hashType() : String.join(",", types.stream().sorted().toList()));
        m.put("hashes", hashes);
        m.put("hashesText", String.join(", ", hashes));
        m.put("hashCount", hashes.size());
        m.put("groupIds", list.groupIds());
        m.put("lockdownGroups", String.join(", ", list.groupIds()));
        m.put("source", list.source());
        return m;
    }

    static Map<String, Object> commandEndpoint(CommandStatus s, int matchCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computerId", s.computerId());
        m.put("computerName", s.computerName());
        m.put("computerIp", s.computerIp());
        m.put("domainName", s.domainName());
        m.put("hardwareKey", s.hardwareKey());
        m.put("state", s.state().label());
        m.put("stateId", s.stateId());
        m.put("subState", s.subStateDescription());
        m.put("beginTime", s.begin().map(Instant::toString).orElse(null));
        m.put("lastUpdate", s.lastUpdate().map(Instant::toString).orElse(null));
        m.put("fileId", s.fileId().orElse(null));
        m.put("matched", matchCount > 0);
        m.put("matchCount", matchCount);
        return m;
    }

    /** Every match of one endpoint's EOC result, distinct per criterion, in document order. */
    static List<Map<String, Object>> matches(CommandStatus s, EocResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EocCriterion c : result.criteria()) {
            for (EocMatch match : new LinkedHashSet<>(c.matches())) {
                String looked = c.hashes().isEmpty() ? null : c.hashes().values().iterator().next();
                Map<String, Object> m = switch (match) {
                    case EocMatch.HashMatch h -> match(s, "HASH_MATCH", h.path(), h.hashType(),
                            h.hashType() != null && c.hashes().containsKey(h.hashType()) ? c.hashes().get(h.hashType())
                                    : looked);
                    case EocMatch.FullMatch f -> match(s, "FULL_MATCH", f.path(), f.hashType(), f.hashValue());
                    case EocMatch.PartialMatch p -> match(s, "PARTIAL_MATCH", p.path(), p.hashType(), p.hashValue());
                    case EocMatch.OtherMatch o -> match(s, o.result(), o.path(), null, null);
                    case EocMatch.NoMatch n -> null;
                };
                if (m == null) continue;
                m.put("remediation", match.remediation().name());
                m.put("scanType", result.scanType());
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> match(CommandStatus s, String type, String path, String hashType, String hash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computerId", s.computerId());
        m.put("computerName", s.computerName());
        m.put("computerIp", s.computerIp());
        m.put("domainName", s.domainName());
        m.put("filePath", path);
        m.put("hash", hash == null ? null : hash.toLowerCase(Locale.ROOT));
        m.put("hashType", hashType == null ? null : hashType.toUpperCase(Locale.ROOT));
        m.put("matchType", type);
        m.put("fullMatch", !"PARTIAL_MATCH".equals(type));
        m.put("match", "PARTIAL_MATCH".equals(type) ? "Partial match" : "Full match");
        return m;
    }
}
