package riposte.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
    private final PlaybookLoader loader = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions());

    private static final String HEAD = """
            id: demo
            version: 1
            name: Demo
            on:
              object: indicator
              condition: indicator.type == 'sha256'
            """;

    private List<String> problems(String yaml) {
        try {
            loader.parse("playbooks/demo.yml", yaml);
        } catch (PlaybookValidationException e) {
            return e.problems().stream().map(PlaybookProblem::toString).toList();
        }
        throw new AssertionError("expected validation problems");
    }

    @Test
    void unknownStepTypePointsToTheKey() {
        assertThat(problems(HEAD + """
                steps:
                  - id: attributes
                    writeAtributes:
                      x: "'y'"
                """)).containsExactly("playbooks/demo.yml:9:5: unknown step type 'writeAtributes'; known: call, poll, "
                + "branch, writeAttributes, writeRow, note, attachment, report, addIndicators, approval");
    }

    @Test
    void unknownFunctionAndMissingInputAreCaught() {
        assertThat(problems(HEAD + """
                steps:
                  - id: a
                    call: ses.fileInsigt
                  - id: b
                    call: ses.fileInsight
                    with:
                      sha: indicator.value
                """)).containsExactly(
                "playbooks/demo.yml:9:11: unknown function 'ses.fileInsigt'; known: ses.fileInsight, ses.fileRelated, "
                        + "ses.fileProtection, ses.processChain, ses.networkInsight, ses.networkRelated, "
                        + "ses.networkProtection, ses.networkHistory, ses.cveProtection",
                "playbooks/demo.yml:13:7: step 'b': function 'ses.fileInsight' needs input 'sha256'",
                "playbooks/demo.yml:13:7: function 'ses.fileInsight' has no input 'sha'; inputs: sha256");
    }

    @Test
    void celErrorsPointInsideTheExpression() {
        assertThat(problems("""
                id: demo
                version: 1
                name: Demo
                on:
                  object: indicator
                  condition: indicator.type == 'sha256' && 3
                steps:
                  - id: n
                    note: "'x' + "
                """)).hasSize(2).satisfies(p -> {
                    assertThat(p.get(0)).startsWith("playbooks/demo.yml:6:").contains("CEL error in "
                            + "'indicator.type == 'sha256' && 3'");
                    assertThat(p.get(1)).startsWith("playbooks/demo.yml:9:").contains("CEL error");
                });
        // the '3' is at column 44 of line 6; CEL reports the operator or operand position, on that line
        String first = problems(HEAD.replace("indicator.type == 'sha256'", "indicator.type == 'sha256' && 3")
                + "steps:\n  - id: n\n    note: \"'x'\"\n").get(0);
        int column = Integer.parseInt(first.split(":")[2]);
        assertThat(column).isBetween(14, 45);
    }

    @Test
    void missingRequiredFieldsAndUnknownStepReferences() {
        assertThat(problems("""
                id: demo
                on:
                  object: indicator
                steps:
                  - id: n
                    note: steps.later.x
                """)).containsExactly(
                "playbooks/demo.yml:1:1: missing required field 'version' in playbook",
                "playbooks/demo.yml:1:1: missing required field 'name' in playbook",
                "playbooks/demo.yml:6:17: unknown step 'later' (expressions may use earlier steps only); known: none");
    }

    @Test
    void selectInputsCheckTheirDefaultAgainstTheOptions() {
        assertThat(problems(HEAD + """
                inputs:
                  - name: scope
                    type: select
                    options: [Selected endpoint, All matching endpoints]
                    default: Every endpoint
                  - name: n
                    type: numbr
                steps:
                  - id: n
                    note: inputs.scope + inputs.other
                """)).containsExactly(
                "playbooks/demo.yml:11:14: default 'Every endpoint' of input 'scope' is not a valid select; options: "
                        + "Selected endpoint, All matching endpoints",
                "playbooks/demo.yml:13:11: unknown input type 'numbr'; known: select, text, number, boolean",
                "playbooks/demo.yml:16:33: unknown input 'other'; known: n, scope");
    }

    @Test
    void destructiveFunctionsNeedTheFlagAndAnApprovalFirst() {
        String steps = """
                steps:
                  - id: q
                    call: sepm.quarantineEndpoints
                    with:
                      computerIds: "['abc']"
                """;
        assertThat(problems(HEAD + steps)).containsExactly("playbooks/demo.yml:9:11: function "
                + "'sepm.quarantineEndpoints' is destructive; mark the playbook 'destructive: true'");
        assertThat(problems(HEAD + "destructive: true\n" + steps)).containsExactly("playbooks/demo.yml:10:11: "
                + "destructive destructive function 'sepm.quarantineEndpoints' must come after an approval step"
                .replace("destructive destructive", "destructive"));
        PlaybookDefinition ok = loader.parse("ok.yml", HEAD + "destructive: true\nsteps:\n  - id: approve\n"
                + "    approval: \"'Quarantine?'\"\n" + steps.substring("steps:\n".length()));
        assertThat(ok.requiresApproval()).isTrue();
    }

    @Test
    void duplicateIdsAcrossFilesNameBothFiles(@TempDir Path dir) throws Exception {
        String yaml = HEAD + "steps:\n  - id: n\n    note: \"'x'\"\n";
        Files.writeString(dir.resolve("a.yml"), yaml);
        Files.writeString(dir.resolve("b.yml"), yaml);
        assertThatThrownBy(() -> loader.loadFolder(dir)).isInstanceOf(PlaybookValidationException.class)
                .hasMessageContaining(dir.resolve("b.yml") + ":1:5: duplicate playbook id 'demo', also defined in "
                        + dir.resolve("a.yml"));
    }

    @Test
    void userFolderIsLoadedNextToTheBuiltIns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), HEAD + "steps:\n  - id: n\n    note: \"'x'\"\n");
        assertThat(loader.load(dir).all()).hasSize(19).extracting(PlaybookDefinition::id).contains("demo");
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() {
        assertThat(problems("id: demo\nname: [unclosed\n")).singleElement().asString()
                .startsWith("playbooks/demo.yml:3:1: YAML:");
    }

    /** Found by riposte-bench's FuzzBenchmark: these overflowed the stack instead of being refused. */
    @Test
    void recursiveAliasesAndDeepNestingAreRefusedNotAStackOverflow() {
        assertThat(problems(HEAD + "description: &d [*d]\n")).anySatisfy(p -> assertThat(p).contains("recursive"));
        assertThat(problems(HEAD + "steps:\n  - &s {id: n, note: [*s]}\n")).anySatisfy(p -> assertThat(p).contains("recursive"));
        assertThat(problems(HEAD + "description: " + "[".repeat(5000) + "]".repeat(5000) + "\n"))
                .anySatisfy(p -> assertThat(p).contains("nested deeper than"));
    }

    @Test
    void triggersAreRulesAndSchedules() {
        PlaybookDefinition d = loader.parse("playbooks/demo.yml", HEAD + """
                triggers:
                  - rule: "'auto' in indicator.tags"
                  - schedule: "0 0 3 * * *"
                steps:
                  - id: n
                    note: "'hello'"
                """);
        assertThat(d.triggers()).containsExactly(new TriggerSpec.Rule("'auto' in indicator.tags"),
                new TriggerSpec.Schedule("0 0 3 * * *"));
        assertThat(loader.parse("playbooks/demo.yml", HEAD + "steps:\n  - id: n\n    note: \"'x'\"\n").triggers())
                .isEmpty();
    }

    @Test
    void badTriggersPointToTheirLine() {
        assertThat(problems(HEAD + """
                triggers:
                  - schedule: "0 3 * * *"
                  - rule: indicator.nope +
                  - every: day
                steps:
                  - id: n
                    note: "'hello'"
                """)).hasSize(3).satisfies(p -> {
                    assertThat(p.get(0)).startsWith("playbooks/demo.yml:8:15: a cron schedule has six fields");
                    assertThat(p.get(1)).startsWith("playbooks/demo.yml:9:").contains("CEL error");
                    assertThat(p.get(2)).startsWith("playbooks/demo.yml:10:5: unknown field 'every' in a trigger");
                });
    }
}
