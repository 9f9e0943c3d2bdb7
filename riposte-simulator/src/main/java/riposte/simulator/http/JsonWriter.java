package riposte.simulator.http;

import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming JSON writer that appends compact JSON to a {@link StringBuilder}.
 *
 * <p>Hand-written rather than Jackson because the simulators build every reply on the request path and want no
 * reflection, no tree and no per-call configuration; it only tracks whether a comma is due. Every string (names and
 * values) is escaped, so curated data with quotes, backslashes or control characters stays valid JSON. The caller is
 * responsible for balancing {@code begin}/{@code end} calls.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().field("message", "Unauthorized").endObject().toString();
 * }</pre>
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean commaDue;

    public JsonWriter() {
        this(new StringBuilder(512));
    }

    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        commaDue = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        commaDue = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        commaDue = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        commaDue = true;
        return this;
    }

    /** Writes an object member name; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        commaDue = false;
        return this;
    }

    /** Writes a string value, or {@code null} when {@code value} is null. */
    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        commaDue = true;
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        commaDue = true;
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        commaDue = true;
        return this;
    }

    /** {@code name(name).value(value)}. */
    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    public JsonWriter nullValue() {
        return value((String) null);
    }

    /** {@code name(name).value(value)}. */
    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    /** {@code name(name).value(value)}. */
    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    /** Writes {@code name: [values…]}. */
    public JsonWriter stringArray(String name, Iterable<String> values) {
        name(name).beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /**
     * Appends already-serialised object members, e.g. {@code "a":1,"b":[2]}, as further members of the open object.
     * Used for precomputed curated replies; the fragment must come from a trusted serialiser.
     */
    public JsonWriter rawMembers(String members) {
        if (members.isEmpty()) return this;
        separate();
        out.append(members);
        commaDue = true;
        return this;
    }

    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (commaDue) out.append(',');
    }

    private void string(String s) {
        out.append('"');
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript consumers that eval or embed the reply.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
