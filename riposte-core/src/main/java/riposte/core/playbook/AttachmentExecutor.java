package riposte.core.playbook;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code attachment}: attaches the evaluated content (UTF-8) under the evaluated name. */
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
        Object content = ctx.eval(step.content());
        byte[] bytes = content == null ? new byte[0] : CelValues.render(content).getBytes(StandardCharsets.UTF_8);
        String id = PlaybookPorts.require(ctx.ports().attachments(), "attachment writer")
                .attach(ctx.run().object(), name, step.contentType(), bytes);
        return new StepResult.Completed(Map.of("attachmentId", id, "name", name));
    }
}
