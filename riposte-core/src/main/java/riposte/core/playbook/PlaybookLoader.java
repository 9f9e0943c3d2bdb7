package riposte.core.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads playbooks from YAML and validates them against a {@link FunctionCatalog}: structure, step types, functions
 * and their inputs, CEL (parse and type errors), references to steps and inputs, options and duplicates. Every
 * problem is reported with {@code file:line:column}; nothing is returned unless all files validate.
 *
 * <pre>{@code
 * PlaybookLoader loader = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions());
 * PlaybookCatalog playbooks = loader.load(Path.of("/etc/riposte/playbooks")); // built-ins + user folder
 * }</pre>
 */
public final class PlaybookLoader {
    /** The classpath folder of the built-in playbooks and its index file (one file name per line). */
    public static final String BUILT_IN_FOLDER = "playbooks/";

    private final PlaybookParser parser;
    private final Expressions expressions;

    public PlaybookLoader(FunctionCatalog catalog, Expressions expressions) {
        this.parser = new PlaybookParser(catalog, expressions);
        this.expressions = expressions;
    }

    /**
     * Parses one file's text.
     *
     * @throws PlaybookValidationException listing every problem
     */
    public PlaybookDefinition parse(String origin, String yaml) {
        return validated(List.of(new Source(origin, yaml))).get(0);
    }

    /** The built-in playbooks shipped in the jar, listed in {@code playbooks/index.txt}. */
    public List<PlaybookDefinition> builtIns() {
        return validated(builtInSources());
    }

    /** Built-ins plus every {@code *.yml}/{@code *.yaml} file of {@code userFolder} (ignored when null or absent). */
    public PlaybookCatalog load(Path userFolder) {
        List<Source> sources = new ArrayList<>(builtInSources());
        if (userFolder != null && Files.isDirectory(userFolder)) sources.addAll(folderSources(userFolder));
        return new PlaybookCatalog(validated(sources), expressions);
    }

    /** The playbooks of one folder only. */
    public List<PlaybookDefinition> loadFolder(Path folder) {
        return validated(folderSources(folder));
    }

    private record Source(String origin, String text) {}

    private List<PlaybookDefinition> validated(List<Source> sources) {
        List<PlaybookProblem> problems = new ArrayList<>();
        List<PlaybookDefinition> definitions = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        for (Source s : sources) {
            PlaybookParser.Parsed parsed = parser.parse(s.origin(), s.text());
            problems.addAll(parsed.problems());
            PlaybookDefinition d = parsed.definition();
            if (d == null) continue;
            String other = seenIds.putIfAbsent(d.id(), s.origin());
            if (other != null) {
                problems.add(new PlaybookProblem(s.origin(), parsed.idLine(), parsed.idColumn(),
                        "duplicate playbook id '" + d.id() + "', also defined in " + other));
            } else {
                definitions.add(d);
            }
        }
        if (!problems.isEmpty()) throw new PlaybookValidationException(problems);
        return definitions;
    }

    private static List<Source> builtInSources() {
        ClassLoader cl = PlaybookLoader.class.getClassLoader();
        List<Source> sources = new ArrayList<>();
        for (String line : read(cl, BUILT_IN_FOLDER + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            sources.add(new Source(BUILT_IN_FOLDER + name, read(cl, BUILT_IN_FOLDER + name)));
        }
        return sources;
    }

    private static String read(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Source> folderSources(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
            List<Source> sources = new ArrayList<>();
            for (Path p : yaml) sources.add(new Source(p.toString(), Files.readString(p)));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read playbooks from " + folder, e);
        }
    }
}
