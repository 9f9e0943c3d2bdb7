package riposte.core.interchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * STIX 2.1 identifiers ({@code type--UUID}). Cyber-observable objects get the spec's deterministic UUIDv5
 * (namespace {@value #SCO_NAMESPACE}, name = the canonical JSON of the id-contributing properties, STIX 2.1
 * section 2.9); Riposte's own domain objects get a UUIDv5 in {@link #RIPOSTE_NAMESPACE} over a stable key, so a
 * re-export carries the same ids and updates what a platform already holds instead of duplicating it.
 *
 * <p>Hand-written because the JDK only offers UUIDv3 ({@link UUID#nameUUIDFromBytes}) and a library for twenty
 * lines of RFC 9562 section 5.5 is not worth the dependency.
 */
public final class StixIds {

    /** The namespace STIX 2.1 fixes for SCO identifiers. */
    public static final String SCO_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";

    /** Riposte's namespace for the ids of the SDOs and SROs it writes (a random v4, fixed forever). */
    public static final UUID RIPOSTE_NAMESPACE = UUID.fromString("5c1f6c3e-2b0a-4d7e-9f3c-8a41f2d6b7e9");

    private static final UUID SCO = UUID.fromString(SCO_NAMESPACE);

    private StixIds() {}

    /** An SCO id: {@code type--uuidv5(SCO namespace, canonicalContributingJson)}. */
    public static String sco(String type, String canonicalContributingJson) {
        return type + "--" + uuid5(SCO, canonicalContributingJson);
    }

    /** A deterministic id for a Riposte-made object of {@code type} keyed by {@code key}. */
    public static String riposte(String type, String key) {
        return type + "--" + uuid5(RIPOSTE_NAMESPACE, type + "\u0000" + key);
    }

    /** RFC 9562 UUID version 5 (SHA-1) of {@code name} (UTF-8) in {@code namespace}. */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
