package riposte.cli.sep;

import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes records as JSON with their component names, which are SEPM's field names for the client's records. */
final class SepJson {
    static final JsonMapper MAPPER = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private SepJson() {}

    /** One JSON document (or one JSON Lines line) and a newline, flushed so streams show up as they come. */
    static void line(PrintWriter out, Object value) {
        out.println(MAPPER.writeValueAsString(value));
        out.flush();
    }
}
