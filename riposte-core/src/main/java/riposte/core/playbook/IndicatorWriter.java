package riposte.core.playbook;

import java.util.List;

/** Port: adds indicator values to an object as associated indicators or artifacts, without enriching them. */
public interface IndicatorWriter {
    /** @return how many were new */
    int add(ObjectRef object, List<String> values, Step.AddIndicators.Association as);
}
