package riposte.core.playbook;

import java.util.Map;

/**
 * {@code attachment}: attaches the evaluated content under the evaluated name: CEL bytes as they are (e.g.
 * {@code base64.decode(steps.file.base64)}), anything else rendered as UTF-8 text.
 */
final class AttachmentExecutor implements StepExecutor<Step.AddAttachment> {
    @Override
    public String type() {
        return "attachment";
    }

    @Override
    public Class<Step.AddAttachment> stepClass() {
        return Step.AddAttachment.class;
    }

    @Override
    public StepResult execute(Step.AddAttachment step, StepContext ctx) {
        String name = String.valueOf(CelValues.render(ctx.eval(step.name())));
        byte[] bytes = ctx.expressions().value(step.content()).evaluateBytes(ctx.vars());
        String id = PlaybookPorts.require(ctx.ports().attachments(), "attachment writer")
                .attach(ctx.run().object(), name, step.contentType(), bytes);
        return new StepResult.Completed(Map.of("attachmentId", id, "name", name));
    }
}
