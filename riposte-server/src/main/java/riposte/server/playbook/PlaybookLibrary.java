package riposte.server.playbook;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import riposte.core.playbook.Expressions;
import riposte.core.playbook.FunctionCatalog;
import riposte.core.playbook.PlaybookCatalog;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookLoader;
import riposte.core.playbook.PlaybookProblem;
import riposte.core.playbook.PlaybookValidationException;
import riposte.core.playbook.TriggerSpec;

/**
 * The playbooks this server runs: the built-ins from the jar plus every {@code *.yml}/{@code *.yaml} file of the
 * user folder ({@code riposte.playbooks.dir}). Each user file is validated on its own, so a broken one is logged
 * with its {@code file:line:column} problems and listed as invalid, while the others (and the server) carry on.
 * A user playbook may not reuse a built-in's id.
 */
@Component
class PlaybookLibrary {
    private static final Logger log = LoggerFactory.getLogger(PlaybookLibrary.class);

    /** A file that did not validate: its origin, the id if one could be read, and every problem. */
    record Invalid(String origin, String id, List<String> problems) {}

    private final Expressions expressions;
    private final Map<String, PlaybookDefinition> valid;
    private final List<Invalid> invalid;
    private final Map<String, Boolean> builtIn = new LinkedHashMap<>();
    private final PlaybookCatalog catalog;

    PlaybookLibrary(PlaybookSettings settings, ObjectProvider<FunctionCatalog> functions, Expressions expressions) {
        this.expressions = expressions;
        PlaybookLoader loader = new PlaybookLoader(functions.getIfAvailable(FunctionCatalog::symantec), expressions);
        Map<String, PlaybookDefinition> byId = new LinkedHashMap<>();
        List<Invalid> broken = new ArrayList<>();
        for (PlaybookDefinition d : loader.builtIns()) {
            byId.put(d.id(), d);
            builtIn.put(d.id(), true);
        }
        for (Path file : files(settings.dir())) {
            String origin = file.toString();
            try {
                PlaybookDefinition d = loader.parse(origin, Files.readString(file));
                List<String> problems = schedules(d);
                if (byId.containsKey(d.id())) {
                    problems = new ArrayList<>(problems);
                    problems.add(origin + ":1:1: playbook id '" + d.id() + "' is already used by "
                            + byId.get(d.id()).origin());
                }
                if (problems.isEmpty()) byId.put(d.id(), d);
                else broken.add(new Invalid(origin, d.id(), problems));
            } catch (PlaybookValidationException e) {
                broken.add(new Invalid(origin, null, e.problems().stream().map(PlaybookProblem::toString).toList()));
            } catch (IOException e) {
                broken.add(new Invalid(origin, null, List.of(origin + ":0:0: cannot be read: " + e.getMessage())));
            }
        }
        for (Invalid i : broken) {
            log.warn("Playbook {} is invalid and will not run:\n  {}", i.origin(), String.join("\n  ", i.problems()));
        }
        this.valid = java.util.Collections.unmodifiableMap(byId);
        this.invalid = List.copyOf(broken);
        this.catalog = new PlaybookCatalog(List.copyOf(byId.values()), expressions);
        log.info("Loaded {} playbooks ({} built in, {} from {}), {} invalid", byId.size(), builtIn.size(),
                byId.size() - builtIn.size(), settings.dir().toAbsolutePath(), broken.size());
    }

    Expressions expressions() {
        return expressions;
    }

    PlaybookCatalog catalog() {
        return catalog;
    }

    List<PlaybookDefinition> all() {
        return List.copyOf(valid.values());
    }

    List<Invalid> invalid() {
        return invalid;
    }

    Optional<PlaybookDefinition> find(String id) {
        return Optional.ofNullable(valid.get(id));
    }

    boolean builtIn(String id) {
        return builtIn.containsKey(id);
    }

    /** Cron values that the shape check in the parser let through but db-scheduler cannot read. */
    private static List<String> schedules(PlaybookDefinition d) {
        List<String> problems = new ArrayList<>();
        for (TriggerSpec t : d.triggers()) {
            if (t instanceof TriggerSpec.Schedule s) {
                try {
                    Schedules.cron(s.cron());
                } catch (RuntimeException e) {
                    problems.add(d.origin() + ":0:0: schedule '" + s.cron() + "' is not a valid cron expression: "
                            + e.getMessage());
                }
            }
        }
        return problems;
    }

    private static List<Path> files(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            log.warn("Cannot list user playbooks in {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
