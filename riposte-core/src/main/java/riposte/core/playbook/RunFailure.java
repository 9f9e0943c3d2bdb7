package riposte.core.playbook;

/** Why a run failed, timed out or was cancelled: the step (null for the run as a whole) and the reason. */
public record RunFailure(String stepId, StepError.Kind kind, String reason) {
    @Override
    public String toString() {
        return (stepId == null ? "" : "step '" + stepId + "': ") + reason;
    }
}
