package riposte.core.mail;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SEPM risk notification, as in section 7 of the IBM Resilient SEP guide: the subject names the event ("Single
 * Risk Event: machine TEST-ENDPOINT infected with Trojan.Gen.NPE, action Cleaned by deletion") and the body lists
 * {@code Name: value} lines. Only the first occurrence of each field counts: the trailer repeats some names as the
 * alarm's filters ({@code Domain: *}).
 *
 * @param fields the fields found, in {@link Field} order
 */
public record SepmNotification(Map<Field, String> fields) {

    /** The fields SEPM writes, with the label in its notification and a stable key for JSON. */
    public enum Field {
        RISK_NAME("Risk name", "riskName"),
        FILE_PATH("File path", "filePath"),
        EVENT_TIME("Event time", "eventTime"),
        INSERT_TIME("Database insert time", "insertTime"),
        SOURCE("Source", "source"),
        USER("User", "user"),
        COMPUTER("Computer", "computer"),
        IP_ADDRESS("IP Address", "ipAddress"),
        DOMAIN("Domain", "domain"),
        SERVER("Server", "server"),
        CLIENT_GROUP("Client Group", "clientGroup"),
        ACTION_TAKEN("Action taken on risk", "actionTaken");

        private final String label;
        private final String key;

        Field(String label, String key) {
            this.label = label;
            this.key = key;
        }

        public String label() {
            return label;
        }

        public String key() {
            return key;
        }
    }

    /** The guide's out-of-the-box subjects. */
    public static final List<String> DEFAULT_SUBJECTS = List.of("Security alert", "Single Risk Event:", "New Risk Found:");

    private static final Pattern LINE = Pattern.compile(
            "(?im)^[ \\t]*(Risk name|File path|Event time|Database insert time|Source|User|Computer|IP Address|Domain"
                    + "|Server|Client Group|Action taken on risk)[ \\t]*:[ \\t]*([^\\n]{0,1000})$");
    private static final Pattern SUCCESS = Pattern.compile("(?i)clean|delet|quarantin|remov|restor|blocked|denied");
    private static final Pattern DANGEROUS = Pattern.compile(
            "(?i)ransom|backdoor|trojan|worm|exploit|rootkit|bot\\b|keylog|infostealer|cryptolocker|miner");

    public SepmNotification {
        fields = Map.copyOf(fields);
    }

    /**
     * Whether the rule takes this message: its subject contains one of {@code subjects} (ignoring case) and its sender
     * is one of {@code senders} (addresses, ignoring case). No senders configured means no message is taken.
     */
    public static boolean matches(MailMessage message, Collection<String> subjects, Collection<String> senders) {
        if (message.subject() == null || message.from() == null) return false;
        String subject = message.subject().toLowerCase(Locale.ROOT);
        boolean subjectMatches = subjects.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .anyMatch(s -> !s.isEmpty() && subject.contains(s));
        return subjectMatches && senders.stream().anyMatch(s -> s.strip().equalsIgnoreCase(message.from()));
    }

    /** The fields in {@code text}; values {@code *} (the alarm's filters) and empty values are left out. */
    public static SepmNotification read(String text) {
        Map<Field, String> found = new LinkedHashMap<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            Field field = byLabel(m.group(1));
            String value = m.group(2).strip();
            if (value.isEmpty() || value.equals("*") || found.containsKey(field)) continue;
            found.put(field, value);
        }
        return new SepmNotification(found);
    }

    public Optional<String> get(Field field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** The fields in {@link Field} order, keyed by {@link Field#key()}. */
    public Map<String, String> byKey() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : Field.values()) if (fields.containsKey(f)) out.put(f.key(), fields.get(f));
        return out;
    }

    /** The file name of the file path (after the last {@code \} or {@code /}). */
    public Optional<String> fileName() {
        return get(Field.FILE_PATH).map(p -> p.substring(Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/')) + 1))
                .filter(n -> !n.isBlank());
    }

    /**
     * LOW to CRITICAL, from the risk and the action taken: a risk left in place is HIGH (CRITICAL when it is a
     * trojan, worm, ransomware and the like); a cleaned, deleted or quarantined one LOW (MEDIUM for those kinds).
     */
    public String severity() {
        String risk = get(Field.RISK_NAME).orElse("");
        String action = get(Field.ACTION_TAKEN).orElse("");
        boolean dangerous = DANGEROUS.matcher(risk).find();
        boolean handled = SUCCESS.matcher(action).find() && !action.toLowerCase(Locale.ROOT).contains("fail");
        if (handled) return dangerous ? "MEDIUM" : "LOW";
        return dangerous ? "CRITICAL" : "HIGH";
    }

    private static Field byLabel(String label) {
        for (Field f : Field.values()) if (f.label.equalsIgnoreCase(label)) return f;
        throw new IllegalStateException(label);
    }
}
