package riposte.core.interchange;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a STIX 2.1 bundle object by object to a stream, so any number of indicators export in constant memory.
 * Each indicator becomes an {@code indicator} SDO (pattern_type {@code stix}) with its SCO and a {@code based-on}
 * relationship between them, or a {@code vulnerability} for a CVE; every object is created by the Symantec
 * {@code identity}, written once at the start. Ids are deterministic (see {@link StixIds}).
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

    /** Writes the objects for one indicator: SDO, SCO and their relationship (or a vulnerability). */
    public void write(ExportedIndicator exported) {
        Indicator indicator = exported.indicator();
        IndicatorType type = indicator.type();
        String key = type.id() + ":" + indicator.value();
        String created = timestamp(exported.created());
        String modified = timestamp(exported.modified());
        if (type == IndicatorType.CVE) {
            startSdo("vulnerability", StixIds.riposte("vulnerability", key), created, modified);
            json.writeStringProperty("name", indicator.value());
            exported.description().ifPresent(d -> json.writeStringProperty("description", d));
            confidence(exported);
            json.writeArrayPropertyStart("external_references");
            json.writeStartObject();
            json.writeStringProperty("source_name", "cve");
            json.writeStringProperty("external_id", indicator.value());
            json.writeEndObject();
            json.writeEndArray();
            endObject();
            return;
        }
        if (!StixPatterns.hasPattern(type)) {
            throw new IllegalArgumentException("a " + type.label() + " has no STIX 2.1 pattern: " + indicator.value());
        }
        String indicatorId = StixIds.riposte("indicator", key);
        startSdo("indicator", indicatorId, created, modified);
        json.writeStringProperty("name", indicator.describe());
        exported.description().ifPresent(d -> json.writeStringProperty("description", d));
        json.writeStringProperty("pattern", StixPatterns.of(indicator));
        json.writeStringProperty("pattern_type", "stix");
        json.writeStringProperty("valid_from", created);
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
        endObject();

        startSdo("relationship", StixIds.riposte("relationship", "based-on|" + indicatorId + "|" + sco.id()),
                created, modified);
        json.writeStringProperty("relationship_type", "based-on");
        json.writeStringProperty("source_ref", indicatorId);
        json.writeStringProperty("target_ref", sco.id());
        endObject();
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

    private void startSdo(String type, String id, String created, String modified) {
        json.writeStartObject();
        json.writeStringProperty("type", type);
        json.writeStringProperty("spec_version", "2.1");
        json.writeStringProperty("id", id);
        json.writeStringProperty("created_by_ref", SYMANTEC_IDENTITY);
        json.writeStringProperty("created", created);
        json.writeStringProperty("modified", modified);
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
