package riposte.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import riposte.cli.CliException;

/** Found by riposte-bench's FuzzBenchmark: malformed CSV crashed the bulk commands with a stack trace. */
class IndicatorInputTest {
    private static List<InputLine> read(String text) {
        Iterator<InputLine> it = IndicatorInput.open("-", null,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<InputLine> out = new ArrayList<>();
        while (it.hasNext()) out.add(it.next());
        return out;
    }

    @Test
    void aBrokenQuoteMidFileEndsTheFileWithAClearInvalidLine() {
        List<InputLine> lines = read("sha256,name\nd41d8cd98f00b204e9800998ecf8427e,ok\n\"d41d8\"x,bad\nevil.example,never\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isInstanceOf(InputLine.Parsed.class);
        assertThat(lines.get(1)).isInstanceOfSatisfying(InputLine.Invalid.class, i -> {
            assertThat(i.origin()).isEqualTo("stdin:3");
            assertThat(i.reason()).startsWith("not valid CSV from here on").endsWith("the rest of the file was not read");
        });
        assertThat(read("sha256,name\n\"d41d8cd98f00b204e9800998ecf8427e,unclosed\n")).singleElement()
                .isInstanceOf(InputLine.Invalid.class);
    }

    @Test
    void aHeaderWithAnEmptyNameIsAUsageError() {
        assertThatThrownBy(() -> read("sha256,,name\nd41d8cd98f00b204e9800998ecf8427e,,x\n"))
                .isInstanceOf(CliException.class).hasMessageContaining("stdin is not a CSV file with a usable header");
    }
}
