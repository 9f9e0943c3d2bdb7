package riposte.cli.playbook;

import java.util.List;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/** The object of a run on the command line: {@code indicator:42}, {@code artifact:7}, {@code row:sep_groups:12}. */
record ObjectArgument(String kind, String table, String id) {
    private static final List<String> KINDS = List.of("indicator", "artifact", "incident", "row");

    static ObjectArgument parse(String text) {
        String[] parts = text.strip().split(":");
        String kind = parts[0].toLowerCase(java.util.Locale.ROOT);
        boolean row = kind.equals("row");
        if (!KINDS.contains(kind) || parts.length != (row ? 3 : 2) || parts[parts.length - 1].isBlank()) {
            throw new CliException(ExitCodes.USAGE, "--on '" + text + "': expected indicator:ID, artifact:ID, "
                    + "incident:ID or row:TABLE:ID with the object's database id (see `riposte indicator list`)");
        }
        return new ObjectArgument(kind, row ? parts[1] : null, parts[parts.length - 1]);
    }

    java.util.Map<String, Object> body() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("kind", kind);
        if (table != null) m.put("table", table);
        m.put("id", id);
        return m;
    }
}
