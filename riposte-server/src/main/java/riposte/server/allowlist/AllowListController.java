package riposte.server.allowlist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.security.Role;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.ServerSettings;

/**
 * {@code /api/v1/allowlist}: list, read and check for analysts and up; add and delete for admins (URL rules in the
 * security configuration).
 */
@RestController
@RequestMapping("/api/v1/allowlist")
@Tag(name = "Allow-list", description = "The one allow-list: addresses and CIDR blocks, private ranges, exact and "
        + "wildcard domains, hashes, each with its reason (docs/allowlist.md)")
class AllowListController {
    private final AllowListService service;
    private final Actor actor;
    private final ServerSettings settings;

    AllowListController(AllowListService service, Actor actor, ServerSettings settings) {
        this.service = service;
        this.actor = actor;
        this.settings = settings;
    }

    /** Newest first; {@code kind} an entry kind id, {@code q} text found in the value or the reason. */
    @GetMapping
    @PreAuthorize(Role.EDIT)
    @Operation(summary = "List allow-list entries", description = "Newest first; kind is an entry kind id (address, "
            + "private_addresses, domain, wildcard_domain, md5, sha1, sha256), q text in the value or reason. "
            + "Analysts and above.")
    @ApiResponse(responseCode = "400", description = "An unknown kind (with the accepted ones) or a bad page/size")
    PageResponse<AllowListEntryView> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(kind, q, PageQuery.of(page, size, settings));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Role.EDIT)
    @Operation(summary = "One allow-list entry", description = "Analysts and above.")
    @ApiResponse(responseCode = "404", description = "No such entry")
    AllowListEntryView get(@PathVariable long id) {
        return service.get(id);
    }

    /** Whether a value (any indicator, defanged forms too) is allow-listed, and by which entry. */
    @GetMapping("/check")
    @PreAuthorize(Role.EDIT)
    @Operation(summary = "Is a value allow-listed, and why?", description = "The value is parsed as an indicator "
            + "(defanged forms accepted); URLs match by host, e-mail addresses by domain; the most specific entry "
            + "answers. Analysts and above.")
    @ApiResponse(responseCode = "400", description = "The value is missing or is not an indicator (what is accepted)")
    AllowListEntryView.Check check(@Parameter(description = "any indicator, e.g. https://mail.example.com/owa")
            @RequestParam(required = false) String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException("value", "is required: an indicator such as 10.1.2.3 or www.example.com");
        }
        return service.check(value);
    }

    /** Adds entries, all or none; answers them with 201. */
    @PostMapping
    @PreAuthorize(Role.ADMINISTER)
    @Operation(summary = "Add allow-list entries, all or none", description = "Each entry {value, reason, "
            + "expiresAt}; reason may be left out when the request gives a shared one. Audited. Admins.")
    @ApiResponse(responseCode = "201", description = "Added; the entries as stored (normalised)")
    @ApiResponse(responseCode = "400", description = "Any bad entry, named entries[i].value (or .reason, "
            + ".expiresAt) with what is accepted, also a value given twice or already listed; nothing stored")
    ResponseEntity<List<AllowListEntryView>> add(@RequestBody AllowListEntryView.Add body) {
        List<AllowListEntryView> added = service.add(actor.current(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Role.ADMINISTER)
    @Operation(summary = "Delete an allow-list entry", description = "Audited. Admins.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such entry")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(actor.current(), id);
        return ResponseEntity.noContent().build();
    }
}
