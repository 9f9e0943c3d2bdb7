package riposte.core.interchange;

/**
 * A JSON string as RFC 8785 (JCS) serialises it, which STIX 2.1 requires for the names of SCO UUIDv5 ids:
 * {@code "} and {@code \} escaped, control characters as {@code \b \t \n \f \r} or a six-character escape with
 * lower-case hex digits, everything else (non-ASCII included) as is. Jackson escapes with upper-case hex, so it cannot be used here.
 */
final class Jcs {

    private Jcs() {}

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
