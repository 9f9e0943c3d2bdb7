package riposte.core.interchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a STIX 2.1 bundle object by object to a stream, so any number of indicators export in constant memory.
 * Each indicator becomes an {@code indicator} SDO (pattern_type {@code stix}) with its SCO and a {@code based-on}
 * relationship between them, or a {@code vulnerability} for a CVE, plus Symantec's answers (see {@link #write});
 * every object is created by the Symantec {@code identity}, written once at the start, and the TLP 2.0
 * marking-definitions are written once each, before the first object marked with them. Ids are deterministic (see
 * {@link StixIds}).
 *
 * <p>Not thread-safe; {@link #close()} ends the bundle and flushes, but leaves the stream open.
 */
public final class StixBundleWriter implements AutoCloseable {

    /** The media type of a bundle, as TAXII 2.1 and STIX 2.1 name it. */
    public static final String MEDIA_TYPE = "application/stix+json;version=2.1";

    /** The identity every object Riposte exports is created by. */
    public static final String SYMANTEC_IDENTITY = StixIds.riposte("identity", "symantec");

    /** Fixed, so the identity object is byte-for-byte the same in every export. */
    private static final Instant IDENTITY_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonGenerator json;
    private final java.util.EnumSet<Tlp> writtenMarkings = java.util.EnumSet.noneOf(Tlp.class);
    /** Malware ids written: a bundle holds each once (their number is that of distinct threat names, small). */
    private final java.util.Set<String> writtenMalware = new java.util.HashSet<>();
    private long objects;

    /** Starts a bundle with a fresh id (bundles are transient in STIX 2.1; their objects carry the identity). */
    public StixBundleWriter(OutputStream out) {
        this(out, UUID.randomUUID());
    }

    StixBundleWriter(OutputStream out, UUID bundleId) {
        json = JsonMapper.shared().createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("type", "bundle");
        json.writeStringProperty("id", "bundle--" + bundleId);
        json.writeArrayPropertyStart("objects");
        writeIdentity();
    }

    /** STIX timestamp: UTC, {@code Z}, millisecond precision as {@code created}/{@code modified} require. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The id of the SDO an indicator becomes ({@code indicator--…}, or {@code vulnerability--…} for a CVE). */
    public static String objectId(Indicator indicator) {
        String key = indicator.type().id() + ":" + indicator.value();
        return indicator.type() == IndicatorType.CVE ? StixIds.riposte("vulnerability", key)
                : StixIds.riposte("indicator", key);
    }

    /**
     * Writes the objects for one indicator: the SDO ({@code indicator}, or {@code vulnerability} for a CVE), its SCO
     * and their {@code based-on} relationship, a {@code malware} per threat name with an {@code indicates}
     * relationship, a {@code note} with Symantec's verdict, and a {@code related-to} relationship per related
     * indicator; everything but the malware (a detection name is Symantec's public knowledge) carries the TLP.
     */
    public void write(ExportedIndicator exported) {
        Indicator indicator = exported.indicator();
        IndicatorType type = indicator.type();
        if (type != IndicatorType.CVE && !StixPatterns.hasPattern(type)) {
            throw new IllegalArgumentException("a " + type.label() + " has no STIX 2.1 pattern: " + indicator.value());
        }
        String key = type.id() + ":" + indicator.value();
        String created = timestamp(exported.created());
        String modified = timestamp(exported.modified());
        Tlp tlp = exported.tlp().orElse(null);
        if (tlp != null) writeMarking(tlp);
        String sdoId = objectId(indicator);
        if (type == IndicatorType.CVE) {
            startSdo("vulnerability", sdoId, created, modified, tlp);
            json.writeStringProperty("name", indicator.value());
            exported.description().ifPresent(d -> json.writeStringProperty("description", d));
            labels(exported);
            confidence(exported);
            json.writeArrayPropertyStart("external_references");
            json.writeStartObject();
            json.writeStringProperty("source_name", "cve");
            json.writeStringProperty("external_id", indicator.value());
            json.writeEndObject();
            json.writeEndArray();
            endObject();
        } else {
            startSdo("indicator", sdoId, created, modified, tlp);
            json.writeStringProperty("name", indicator.describe());
            exported.description().ifPresent(d -> json.writeStringProperty("description", d));
            json.writeArrayPropertyStart("indicator_types");
            json.writeString(indicatorType(exported.verdict()));
            json.writeEndArray();
            json.writeStringProperty("pattern", StixPatterns.of(indicator));
            json.writeStringProperty("pattern_type", "stix");
            json.writeStringProperty("valid_from", created);
            labels(exported);
            confidence(exported);
            endObject();

            StixObservable sco = StixObservable.of(indicator);
            json.writeStartObject();
            json.writeStringProperty("type", sco.type());
            json.writeStringProperty("spec_version", "2.1");
            json.writeStringProperty("id", sco.id());
            if (sco.hashAlgorithm() != null) {
                json.writeObjectPropertyStart("hashes");
                json.writeStringProperty(sco.hashAlgorithm(), indicator.value());
                json.writeEndObject();
            } else {
                json.writeStringProperty("value", indicator.value());
            }
            markings(tlp);
            endObject();
            relationship("based-on", sdoId, sco.id(), created, modified, tlp);
        }
        for (String threat : exported.threatNames()) {
            String malwareId = StixIds.riposte("malware", threat.toLowerCase(java.util.Locale.ROOT));
            if (writtenMalware.add(malwareId)) {
                startSdo("malware", malwareId, timestamp(IDENTITY_CREATED), timestamp(IDENTITY_CREATED), null);
                json.writeStringProperty("name", threat);
                json.writeBooleanProperty("is_family", true);
                endObject();
            }
            relationship("indicates", sdoId, malwareId, created, modified, tlp);
        }
        if (exported.verdict() != Verdict.UNKNOWN) {
            startSdo("note", StixIds.riposte("note", "verdict|" + key), created, modified, tlp);
            json.writeStringProperty("abstract", "Symantec verdict: " + exported.verdict().name());
            json.writeStringProperty("content", "Symantec's verdict on " + indicator.describe() + " is "
                    + exported.verdict().name() + (exported.threatNames().isEmpty() ? ""
                            : " (" + String.join(", ", exported.threatNames()) + ")") + ".");
            json.writeArrayPropertyStart("authors");
            json.writeString("Symantec (via Riposte)");
            json.writeEndArray();
            json.writeArrayPropertyStart("object_refs");
            json.writeString(sdoId);
            json.writeEndArray();
            endObject();
        }
        for (Indicator other : exported.related()) {
            if (other.type() != IndicatorType.CVE && !StixPatterns.hasPattern(other.type())) continue;
            relationship("related-to", sdoId, objectId(other), created, modified, tlp);
        }
    }

    /**
     * Writes a {@code report} (e.g. for an incident) referring to {@code objectRefs} (at least one: STIX requires
     * it), marked {@code tlp} when given; {@code key} makes its id stable across exports.
     */
    public void writeReport(String key, String name, Optional<String> description, Instant created, Instant modified,
            java.util.Collection<String> objectRefs, Optional<Tlp> tlp) {
        if (objectRefs.isEmpty()) throw new IllegalArgumentException("a STIX report needs at least one object_ref");
        Tlp level = tlp.orElse(null);
        if (level != null) writeMarking(level);
        startSdo("report", StixIds.riposte("report", key), timestamp(created), timestamp(modified), level);
        json.writeStringProperty("name", name);
        description.ifPresent(d -> json.writeStringProperty("description", d));
        json.writeArrayPropertyStart("report_types");
        json.writeString("threat-report");
        json.writeEndArray();
        json.writeStringProperty("published", timestamp(modified));
        json.writeArrayPropertyStart("object_refs");
        for (String ref : objectRefs) json.writeString(ref);
        json.writeEndArray();
        endObject();
    }

    /** The OASIS TLP 2.0 marking-definition for {@code tlp}, once per bundle. */
    private void writeMarking(Tlp tlp) {
        if (!writtenMarkings.add(tlp)) return;
        writeMarkingObject(json, tlp);
        objects++;
    }

    /** Writes the OASIS TLP 2.0 marking-definition object for {@code tlp}, as published. */
    public static void writeMarkingObject(JsonGenerator json, Tlp tlp) {
        json.writeStartObject();
        json.writeStringProperty("type", "marking-definition");
        json.writeStringProperty("spec_version", "2.1");
        json.writeStringProperty("id", tlp.stixMarkingId());
        json.writeStringProperty("created", Tlp.STIX_CREATED);
        json.writeStringProperty("name", tlp.label());
        json.writeObjectPropertyStart("extensions");
        json.writeObjectPropertyStart(Tlp.STIX_EXTENSION);
        json.writeStringProperty("extension_type", "property-extension");
        json.writeStringProperty("tlp_2_0", tlp.code());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String indicatorType(Verdict verdict) {
        return switch (verdict) {
            case MALICIOUS -> "malicious-activity";
            case SUSPICIOUS -> "anomalous-activity";
            case BENIGN -> "benign";
            case UNKNOWN -> "unknown";
        };
    }

    private void relationship(String type, String source, String target, String created, String modified, Tlp tlp) {
        startSdo("relationship", StixIds.riposte("relationship", type + "|" + source + "|" + target),
                created, modified, tlp);
        json.writeStringProperty("relationship_type", type);
        json.writeStringProperty("source_ref", source);
        json.writeStringProperty("target_ref", target);
        endObject();
    }

    private void labels(ExportedIndicator exported) {
        if (exported.labels().isEmpty()) return;
        json.writeArrayPropertyStart("labels");
        for (String label : exported.labels()) json.writeString(label);
        json.writeEndArray();
    }

    private void markings(Tlp tlp) {
        if (tlp == null) return;
        json.writeArrayPropertyStart("object_marking_refs");
        json.writeString(tlp.stixMarkingId());
        json.writeEndArray();
    }

    /** How many STIX objects were written so far (the identity included). */
    public long objectCount() {
        return objects;
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private void writeIdentity() {
        String at = timestamp(IDENTITY_CREATED);
        json.writeStartObject();
        json.writeStringProperty("type", "identity");
        json.writeStringProperty("spec_version", "2.1");
        json.writeStringProperty("id", SYMANTEC_IDENTITY);
        json.writeStringProperty("created", at);
        json.writeStringProperty("modified", at);
        json.writeStringProperty("name", "Symantec (via Riposte)");
        json.writeStringProperty("identity_class", "organization");
        endObject();
    }

    private void startSdo(String type, String id, String created, String modified, Tlp tlp) {
        json.writeStartObject();
        json.writeStringProperty("type", type);
        json.writeStringProperty("spec_version", "2.1");
        json.writeStringProperty("id", id);
        json.writeStringProperty("created_by_ref", SYMANTEC_IDENTITY);
        json.writeStringProperty("created", created);
        json.writeStringProperty("modified", modified);
        markings(tlp);
    }

    private void confidence(ExportedIndicator exported) {
        if (exported.confidence().isPresent()) {
            json.writeNumberProperty("confidence", exported.confidence().getAsInt());
        }
    }

    private void endObject() {
        json.writeEndObject();
        objects++;
    }
}
