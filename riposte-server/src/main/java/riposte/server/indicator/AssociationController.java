package riposte.server.indicator;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/indicators/{id}/associations}: the indicators associated with one (e.g. related files). */
@RestController
class AssociationController {
    private final Indicators indicators;

    AssociationController(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/indicators/{id}/associations")
    List<Indicators.Ref> associations(@PathVariable long id) {
        return indicators.associated(id);
    }
}
