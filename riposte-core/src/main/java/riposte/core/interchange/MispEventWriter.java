package riposte.core.interchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a MISP event in MISP's JSON format ({@code {"Event": {...}}}, what MISP's "Add event from JSON" and
 * PyMISP's {@code MISPEvent.load} take): file hashes become {@code file} objects (template
 * {@value #FILE_TEMPLATE}) and the other indicators attributes, each with its category, type, {@code to_ids} and
 * tags (TLP, Symantec's verdict, Riposte's tags); uuids are UUIDv5 over stable keys, so a re-export updates the
 * event rather than duplicating it. Streams, so the event's size is bounded only by the output.
 */
public final class MispEventWriter {

    /** MISP's {@code file} object template. */
    public static final String FILE_TEMPLATE = "688c46fb-5edb-40a3-8273-1af7923e2215";

    /**
     * The event itself.
     *
     * @param key stable key of what the event stands for (e.g. {@code incident:12}), giving its uuid
     * @param threatLevel MISP's threat_level_id: 1 high, 2 medium, 3 low, 4 undefined
     */
    public record Event(String key, String info, LocalDate date, Instant modified, int threatLevel, Tlp tlp,
            List<String> tags) {
        public Event {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(modified, "modified");
            Objects.requireNonNull(tlp, "tlp");
            tags = List.copyOf(tags);
            if (threatLevel < 1 || threatLevel > 4) throw new IllegalArgumentException("threat level 1-4");
        }
    }

    private MispEventWriter() {}

    /** The uuid of the event with {@code key}. */
    public static String eventUuid(String key) {
        return StixIds.uuid5(StixIds.RIPOSTE_NAMESPACE, "misp-event\u0000" + key).toString();
    }

    /** Writes {@code event} with {@code indicators} (host names and file paths too: MISP has types for them). */
    public static void write(OutputStream out, Event event, Iterable<ExportedIndicator> indicators) {
        String eventUuid = eventUuid(event.key());
        try (JsonGenerator json = JsonMapper.shared().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectPropertyStart("Event");
            json.writeStringProperty("uuid", eventUuid);
            json.writeStringProperty("info", event.info());
            json.writeStringProperty("date", event.date().toString());
            json.writeStringProperty("timestamp", Long.toString(event.modified().getEpochSecond()));
            json.writeStringProperty("threat_level_id", Integer.toString(event.threatLevel()));
            json.writeStringProperty("analysis", "2");
            json.writeStringProperty("distribution", distribution(event.tlp()));
            json.writeBooleanProperty("published", false);
            json.writeObjectPropertyStart("Orgc");
            json.writeStringProperty("name", "Riposte");
            json.writeEndObject();
            tags(json, event.tlp(), null, event.tags());
            json.writeArrayPropertyStart("Attribute");
            for (ExportedIndicator i : indicators) {
                if (!isFile(i.indicator().type())) attribute(json, eventUuid, i, null);
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("Object");
            for (ExportedIndicator i : indicators) {
                if (!isFile(i.indicator().type())) continue;
                String key = i.indicator().type().id() + ":" + i.indicator().value();
                json.writeStartObject();
                json.writeStringProperty("uuid", uuid(eventUuid, "object|" + key));
                json.writeStringProperty("name", "file");
                json.writeStringProperty("meta-category", "file");
                json.writeStringProperty("description", "File object describing a file with meta-information");
                json.writeStringProperty("template_uuid", FILE_TEMPLATE);
                json.writeStringProperty("template_version", "25");
                json.writeStringProperty("timestamp", Long.toString(i.modified().getEpochSecond()));
                json.writeStringProperty("distribution", "5");
                json.writeStringProperty("comment", i.description().orElse(""));
                json.writeArrayPropertyStart("Attribute");
                attribute(json, eventUuid, i, i.indicator().type().id());
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void attribute(JsonGenerator json, String eventUuid, ExportedIndicator i, String objectRelation) {
        Indicator indicator = i.indicator();
        String key = indicator.type().id() + ":" + indicator.value();
        json.writeStartObject();
        json.writeStringProperty("uuid", uuid(eventUuid, "attribute|" + key));
        json.writeStringProperty("type", type(indicator.type()));
        json.writeStringProperty("category", category(indicator.type()));
        if (objectRelation != null) json.writeStringProperty("object_relation", objectRelation);
        json.writeStringProperty("value", indicator.value());
        json.writeBooleanProperty("to_ids", indicator.type() != IndicatorType.CVE && i.verdict() != Verdict.BENIGN);
        json.writeStringProperty("timestamp", Long.toString(i.modified().getEpochSecond()));
        json.writeStringProperty("distribution", "5");
        json.writeStringProperty("comment", objectRelation == null ? i.description().orElse("") : "");
        tags(json, i.tlp().orElse(null), i.verdict(), i.labels());
        json.writeEndObject();
    }

    private static void tags(JsonGenerator json, Tlp tlp, Verdict verdict, List<String> labels) {
        json.writeArrayPropertyStart("Tag");
        if (tlp != null) tag(json, tlp.mispTag());
        if (verdict != null && verdict != Verdict.UNKNOWN) {
            tag(json, "riposte:verdict=\"" + verdict.name().toLowerCase(Locale.ROOT) + "\"");
        }
        for (String label : labels) tag(json, label);
        json.writeEndArray();
    }

    private static void tag(JsonGenerator json, String name) {
        json.writeStartObject();
        json.writeStringProperty("name", name);
        json.writeEndObject();
    }

    private static String uuid(String eventUuid, String key) {
        return StixIds.uuid5(StixIds.RIPOSTE_NAMESPACE, eventUuid + "\u0000" + key).toString();
    }

    /** MISP distribution from TLP: CLEAR all communities, GREEN connected, AMBER this community, stricter org only. */
    static String distribution(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "3";
            case GREEN -> "2";
            case AMBER -> "1";
            case AMBER_STRICT, RED -> "0";
        };
    }

    static boolean isFile(IndicatorType type) {
        return type == IndicatorType.SHA256 || type == IndicatorType.SHA1 || type == IndicatorType.MD5;
    }

    /** The MISP attribute type of an indicator type. */
    public static String type(IndicatorType type) {
        return switch (type) {
            case SHA256 -> "sha256";
            case SHA1 -> "sha1";
            case MD5 -> "md5";
            case DOMAIN -> "domain";
            case IPV4, IPV6 -> "ip-dst";
            case URL -> "url";
            case EMAIL -> "email-src";
            case CVE -> "vulnerability";
            case HOSTNAME -> "hostname";
            case FILE_PATH -> "filename";
        };
    }

    /** The MISP category an indicator type is written in. */
    public static String category(IndicatorType type) {
        return switch (type) {
            case SHA256, SHA1, MD5, EMAIL, FILE_PATH -> "Payload delivery";
            case DOMAIN, IPV4, IPV6, URL, HOSTNAME -> "Network activity";
            case CVE -> "External analysis";
        };
    }

    static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
