package riposte.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = new JsonWriter().beginObject()
                .field("a\"b", "say \"hi\"\\ now\n\t\u0001\u2028")
                .endObject().toString();

        assertThat(json).isEqualTo("{\"a\\\"b\":\"say \\\"hi\\\"\\\\ now\\n\\t\\u0001\\u2028\"}");
    }

    @Test
    void writesNestedStructuresNumbersAndNullElements() {
        String json = new JsonWriter().beginObject()
                .field("n", 10)
                .stringArray("xs", Arrays.asList(null, "R"))
                .name("o").beginObject().name("e").beginArray().endArray().endObject()
                .rawMembers("\"k\":true")
                .endObject().toString();

        assertThat(json).isEqualTo("{\"n\":10,\"xs\":[null,\"R\"],\"o\":{\"e\":[]},\"k\":true}");
    }
}
