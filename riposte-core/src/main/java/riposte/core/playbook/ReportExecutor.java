package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code report}: creates a report on the object; null fields read {@code None}, as in the seed's reports. */
final class ReportExecutor implements StepExecutor<Step.CreateReport> {
    @Override
    public String type() {
        return "report";
    }

    @Override
    public Class<Step.CreateReport> stepClass() {
        return Step.CreateReport.class;
    }

    @Override
    public StepResult execute(Step.CreateReport step, StepContext ctx) {
        String title = String.valueOf(CelValues.render(ctx.eval(step.title())));
        List<ReportWriter.Field> fields = new ArrayList<>();
        step.fields().forEach((label, expr) -> {
            String value = CelValues.render(ctx.eval(expr));
            fields.add(new ReportWriter.Field(label, value == null || value.isEmpty() ? "None" : value));
        });
        String raw = step.raw() == null ? null : CelValues.render(ctx.eval(step.raw()));
        ReportWriter.Report report = new ReportWriter.Report(title, fields, raw, ctx.run().playbookId(), ctx.now());
        String id = PlaybookPorts.require(ctx.ports().reports(), "report writer").create(ctx.run().object(), report);
        return new StepResult.Completed(Map.of("reportId", id, "title", title));
    }
}
