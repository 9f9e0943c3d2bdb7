package riposte.core.playbook;

import java.util.Map;

/** {@code note}: adds the evaluated text as a note by the run's starter. */
final class NoteExecutor implements StepExecutor<Step.AddNote> {
    @Override
    public String type() {
        return "note";
    }

    @Override
    public Class<Step.AddNote> stepClass() {
        return Step.AddNote.class;
    }

    @Override
    public StepResult execute(Step.AddNote step, StepContext ctx) {
        String text = String.valueOf(CelValues.render(ctx.eval(step.text())));
        PlaybookPorts.require(ctx.ports().notes(), "note writer")
                .addNote(ctx.run().object(), text, ctx.run().trigger().by());
        return new StepResult.Completed(Map.of("text", text));
    }
}
