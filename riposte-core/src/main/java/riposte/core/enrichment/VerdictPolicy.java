package riposte.core.enrichment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Computes an {@link Assessment} from section results, with the scoring of the existing Symantec integrations
 * (XSOAR SymantecThreatIntel): file reputation BAD is malicious and GOOD benign; network risk level at most
 * {@code benignMaxRiskLevel} is benign, at least {@code maliciousMinRiskLevel} malicious, in between suspicious;
 * a category from the malicious (suspicious) list raises the verdict to malicious (suspicious); any protection
 * detection is at least suspicious. Evidence only ever raises the verdict, except that BENIGN needs positive
 * evidence and is replaced by anything worse.
 */
public final class VerdictPolicy {

    public static final Set<String> DEFAULT_MALICIOUS_CATEGORIES = Set.of("Malicious Outbound Data/Botnets",
            "Malicious Sources/Malnets", "Phishing", "Proxy Avoidance");
    public static final Set<String> DEFAULT_SUSPICIOUS_CATEGORIES = Set.of("Compromised Sites", "Dynamic DNS Host",
            "Hacking", "Placeholders", "Potentially Unwanted Software", "Remote Access", "Spam", "Suspicious",
            "Violence/Intolerance", "Child Pornography", "Gore/Extreme", "Nudity", "Pornography",
            "Scam/Questionable Legality", "Piracy/Copyright Concerns");
    public static final int DEFAULT_BENIGN_MAX_RISK_LEVEL = 5;
    public static final int DEFAULT_MALICIOUS_MIN_RISK_LEVEL = 8;

    private final int benignMaxRiskLevel;
    private final int maliciousMinRiskLevel;
    private final Set<String> maliciousCategories;
    private final Set<String> suspiciousCategories;

    /** The defaults of the existing integrations. */
    public VerdictPolicy() {
        this(DEFAULT_BENIGN_MAX_RISK_LEVEL, DEFAULT_MALICIOUS_MIN_RISK_LEVEL, DEFAULT_MALICIOUS_CATEGORIES,
                DEFAULT_SUSPICIOUS_CATEGORIES);
    }

    public VerdictPolicy(int benignMaxRiskLevel, int maliciousMinRiskLevel, Set<String> maliciousCategories,
                         Set<String> suspiciousCategories) {
        if (benignMaxRiskLevel >= maliciousMinRiskLevel) {
            throw new IllegalArgumentException("benignMaxRiskLevel must be below maliciousMinRiskLevel");
        }
        this.benignMaxRiskLevel = benignMaxRiskLevel;
        this.maliciousMinRiskLevel = maliciousMinRiskLevel;
        this.maliciousCategories = Set.copyOf(maliciousCategories);
        this.suspiciousCategories = Set.copyOf(suspiciousCategories);
    }

    public Assessment assess(Collection<? extends SectionResult> results) {
        Verdict verdict = Verdict.UNKNOWN;
        List<String> reasons = new ArrayList<>();
        for (SectionResult r : results) {
            Verdict v = switch (r) {
                case FileInsight f -> reputation(f.reputation(), reasons);
                case NetworkInsight n -> network(n, reasons);
                case Protection p -> protection(p, reasons);
                case NetworkHistory h -> Verdict.UNKNOWN;
                case Related rel -> Verdict.UNKNOWN;
                case ProcessChain c -> Verdict.UNKNOWN;
            };
            verdict = verdict.max(v);
        }
        return new Assessment(verdict, reasons);
    }

    private static Verdict reputation(Reputation rep, List<String> reasons) {
        if (rep == null) return Verdict.UNKNOWN;
        return switch (rep.kind()) {
            case BAD -> {
                reasons.add("reputation BAD");
                yield Verdict.MALICIOUS;
            }
            case GOOD -> {
                reasons.add("reputation GOOD");
                yield Verdict.BENIGN;
            }
            case UNRECOGNISED -> {
                reasons.add("reputation " + rep.raw() + " (not recognised)");
                yield Verdict.UNKNOWN;
            }
        };
    }

    private Verdict network(NetworkInsight n, List<String> reasons) {
        Verdict v = Verdict.UNKNOWN;
        Integer level = n.threatRiskLevel();
        if (level != null) {
            v = level <= benignMaxRiskLevel ? Verdict.BENIGN
                    : level >= maliciousMinRiskLevel ? Verdict.MALICIOUS : Verdict.SUSPICIOUS;
            reasons.add("risk level " + level + " (" + RiskLevels.label(level) + ")");
        }
        for (Category c : n.categories()) {
            if (c.name() == null) continue;
            if (maliciousCategories.contains(c.name())) {
                v = v.max(Verdict.MALICIOUS);
                reasons.add("category " + c.name());
            } else if (suspiciousCategories.contains(c.name())) {
                v = v.max(Verdict.SUSPICIOUS);
                reasons.add("category " + c.name());
            }
        }
        // Network reputation alone is weak evidence (S1: uncategorised indicators default to BAD), so it is
        // reported but only decides when there is no risk level.
        if (level == null) v = v.max(reputation(n.reputation(), reasons));
        else if (n.reputation() != null) reasons.add("reputation " + n.reputation().raw());
        return v;
    }

    private static Verdict protection(Protection p, List<String> reasons) {
        for (Protection.Detection d : p.detections()) {
            String tech = d.technology() == null ? "a Symantec technology" : d.technology().raw();
            reasons.add("blocked by " + tech + (d.threatName() == null ? "" : " as " + d.threatName()));
        }
        return p.detections().isEmpty() ? Verdict.UNKNOWN : Verdict.SUSPICIOUS;
    }
}
