package riposte.core.interchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Traffic Light Protocol 2.0 (FIRST), from the least to the most restricted, with the STIX 2.1 marking
 * definitions OASIS publishes for it (cti-stix-common-objects, extension-definition
 * {@value #STIX_EXTENSION}) and MISP's {@code tlp} taxonomy tags. {@link #allows} orders them: a reader cleared for
 * AMBER gets CLEAR, GREEN and AMBER, not AMBER+STRICT or RED.
 */
public enum Tlp {
    CLEAR("TLP:CLEAR", "clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    GREEN("TLP:GREEN", "green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
    AMBER("TLP:AMBER", "amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
    AMBER_STRICT("TLP:AMBER+STRICT", "amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
    RED("TLP:RED", "red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    /** The extension-definition the OASIS TLP 2.0 marking definitions are property extensions of. */
    public static final String STIX_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /** The {@code created} timestamp of every OASIS TLP 2.0 marking definition (part of the published object). */
    public static final String STIX_CREATED = "2022-10-01T00:00:00.000Z";

    /** TLP 1.0's predefined STIX 2.1 marking ids (section 7.2.1.4), read on import as their 2.0 successors. */
    private static final String[][] TLP_1 = {
        {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "CLEAR"},
        {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "GREEN"},
        {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "AMBER"},
        {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "RED"},
    };

    private final String label;
    private final String code;
    private final String stixMarkingId;

    Tlp(String label, String code, String stixMarkingId) {
        this.label = label;
        this.code = code;
        this.stixMarkingId = stixMarkingId;
    }

    /** The label as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** The lower-case level, e.g. {@code amber+strict} (the STIX extension's {@code tlp_2_0} value). */
    public String code() {
        return code;
    }

    /** The id of the OASIS marking-definition for this level. */
    public String stixMarkingId() {
        return stixMarkingId;
    }

    /** The MISP taxonomy tag, e.g. {@code tlp:amber+strict}. */
    public String mispTag() {
        return "tlp:" + code;
    }

    /** Whether something marked {@code marked} may go where this level is the most allowed. */
    public boolean allows(Tlp marked) {
        return marked.ordinal() <= ordinal();
    }

    /** The more restricted of the two. */
    public Tlp max(Tlp other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Parses {@code TLP:AMBER+STRICT}, {@code amber+strict}, {@code AMBER_STRICT}, {@code tlp:green} (any case;
     * TLP 1.0's WHITE is read as CLEAR); empty when it is none of them.
     */
    public static Optional<Tlp> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("tlp:")) t = t.substring(4);
        if (t.equals("white")) t = "clear";
        String wanted = t.replace('_', '+');
        return Arrays.stream(values()).filter(v -> v.code.equals(wanted)).findFirst();
    }

    /** The level a STIX marking-definition id stands for (TLP 2.0 or 1.0); empty for any other id. */
    public static Optional<Tlp> ofStixMarking(String markingId) {
        for (Tlp t : values()) if (t.stixMarkingId.equals(markingId)) return Optional.of(t);
        for (String[] old : TLP_1) if (old[0].equals(markingId)) return Optional.of(valueOf(old[1]));
        return Optional.empty();
    }

    /** What a client may send, for error messages. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(Tlp::code).toList());
    }
}
