package riposte.server.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.security.Role;
import riposte.server.system.Actor;

/** {@code /api/v1/settings/auto-enrichment}: analysts and above read the rules, admins change or reset them. */
@RestController
@RequestMapping("/api/v1/settings/auto-enrichment")
@Tag(name = "Settings", description = "Settings admins change while the server runs")
class AutoEnrichmentController {
    private final AutoEnrichmentSettings settings;
    private final Actor actor;

    AutoEnrichmentController(AutoEnrichmentSettings settings, Actor actor) {
        this.settings = settings;
        this.actor = actor;
    }

    @GetMapping
    @PreAuthorize(Role.EDIT)
    @Operation(summary = "The auto-enrichment rules in force",
            description = "Every source, indicator type and auto-enrichment playbook with its switch; origin says "
                    + "whether they come from the configuration (riposte.playbooks.auto-enrichment.*) or were saved; "
                    + "version is what a change must send back. Analysts and above.")
    AutoEnrichmentView get() {
        return settings.view();
    }

    @PutMapping
    @PreAuthorize(Role.ADMINISTER)
    @Operation(summary = "Replace the auto-enrichment rules",
            description = "A key left out of sources, types or playbooks is on. Takes effect on this server at once "
                    + "and on other servers on the same database within riposte.settings.check-interval. Admins.")
    @ApiResponse(responseCode = "200", description = "Saved; the rules now in force")
    @ApiResponse(responseCode = "400", description = "An unknown source, indicator type or playbook (each named, "
            + "with what is accepted), or a missing enabled/version; nothing changed")
    @ApiResponse(responseCode = "409", description = "Someone saved since the version sent; nothing changed")
    AutoEnrichmentView put(@Valid @RequestBody AutoEnrichmentUpdate body) {
        return settings.save(actor.current(), body);
    }

    @DeleteMapping
    @PreAuthorize(Role.ADMINISTER)
    @Operation(summary = "Reset the auto-enrichment rules to the configuration",
            description = "Drops the saved rules: riposte.playbooks.auto-enrichment.* apply again. Admins.")
    @ApiResponse(responseCode = "200", description = "Reset; the rules now in force")
    @ApiResponse(responseCode = "409", description = "Someone saved since the version sent; nothing changed")
    AutoEnrichmentView reset(@Parameter(description = "the version last read") @RequestParam long version) {
        return settings.reset(actor.current(), version);
    }
}
