package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code writeAttributes}: sets each non-null attribute with its source and the time; outputs the names written. */
final class WriteAttributesExecutor implements StepExecutor<Step.WriteAttributes> {
    @Override
    public String type() {
        return "writeAttributes";
    }

    @Override
    public Class<Step.WriteAttributes> stepClass() {
        return Step.WriteAttributes.class;
    }

    @Override
    public StepResult execute(Step.WriteAttributes step, StepContext ctx) {
        AttributeWriter writer = PlaybookPorts.require(ctx.ports().attributes(), "attribute writer");
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> e : step.attributes().entrySet()) {
            String value = CelValues.render(ctx.eval(e.getValue()));
            if (value == null) continue;
            writer.write(ctx.run().object(), new AttributeWriter.Attribute(e.getKey(), value, step.source(), ctx.now()));
            written.add(e.getKey());
        }
        return new StepResult.Completed(Map.of("written", written));
    }
}
