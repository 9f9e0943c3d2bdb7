package riposte.cli.io;

/**
 * Neutralises spreadsheet formula injection: threat data is attacker-controlled, and a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is run as a formula by Excel and friends.
 * Such a cell gets a leading apostrophe (the OWASP recommendation), which spreadsheets display as text.
 */
public final class SafeCsv {
    private SafeCsv() {}

    public static String cell(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
