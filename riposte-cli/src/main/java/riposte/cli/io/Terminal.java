package riposte.cli.io;

/**
 * Makes attacker-controlled text safe to print on a terminal: control characters (which could carry ANSI escape
 * sequences that rewrite the screen or the window title) are shown as {@code \xNN} instead of being sent.
 */
public final class Terminal {
    private Terminal() {}

    public static String safe(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
                out.append(c > 0xff ? String.format("\\u%04x", (int) c) : String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
