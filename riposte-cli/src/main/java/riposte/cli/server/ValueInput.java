package riposte.cli.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/** Values given as arguments and, with {@code --input FILE} ({@code -} for standard input), one per line. */
final class ValueInput {
    private ValueInput() {}

    /** The arguments, then the file's lines without blank lines and {@code #} comments; at least one. */
    static List<String> read(List<String> arguments, String input) {
        List<String> values = new ArrayList<>(arguments == null ? List.of() : arguments);
        if (input != null) {
            try (BufferedReader reader = input.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String t = line.replace("\uFEFF", "").strip();
                    if (!t.isEmpty() && !t.startsWith("#")) values.add(t);
                }
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCodes.USAGE, "input file " + input + " does not exist");
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot read " + input + ": " + e.getMessage());
            }
        }
        if (values.isEmpty()) throw new CliException(ExitCodes.USAGE, "no values given: pass them as arguments or with --input FILE");
        return values;
    }
}
