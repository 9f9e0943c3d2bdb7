package riposte.server.artifact;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.server.allowlist.AllowListEntryView;
import riposte.server.allowlist.AllowListService;
import riposte.server.audit.AuditLog;
import riposte.server.incident.IncidentRefs;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/** Artifact use cases; values go through the core {@link IndicatorParser}. Public for the web console. */
@Service
public class ArtifactService {
    static final String KIND = "artifact";
    private final ArtifactRepository artifacts;
    private final IncidentRefs incidents;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AllowListService allowList;

    ArtifactService(ArtifactRepository artifacts, IncidentRefs incidents, AuditLog audit, Clock clock,
            ApplicationEventPublisher events, AllowListService allowList) {
        this.allowList = allowList;
        this.artifacts = artifacts;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * One statement reads the page and the total (a window count); the incident and the count are looked up apart
     * only when the page is empty. No transaction: one statement needs none, and BEGIN/COMMIT would cost two round
     * trips on every list (see docs/benchmarks.md).
     */
    public PageResponse<ArtifactView> list(long incidentId, String type, PageQuery page) {
        String typeId = type == null ? null : type(type).id();
        ArtifactRepository.Page found = artifacts.find(incidentId, typeId, page);
        if (!found.items().isEmpty()) return PageResponse.of(found.items(), page, found.total());
        incidents.requireExists(incidentId);
        return PageResponse.of(found.items(), page, artifacts.count(incidentId, typeId));
    }

    @Transactional(readOnly = true)
    public ArtifactView get(long incidentId, long id) {
        return artifacts.get(incidentId, id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    public ArtifactView create(String actor, long incidentId, ArtifactCreate c) {
        incidents.requireExists(incidentId);
        Indicator indicator = parse(c.value(), c.type() == null || c.type().isBlank() ? null : type(c.type()));
        boolean allowListed = Boolean.TRUE.equals(c.allowListed());
        String reason = allowListed ? c.allowListReason() : null;
        if (c.allowListed() == null) { // the caller did not say: the allow-list does
            var entry = allowList.match(indicator);
            allowListed = entry.isPresent();
            reason = entry.map(AllowListEntryView::because).orElse(null);
        }
        Instant now = Sql.now(clock);
        var draft = new ArtifactView(0, incidentId, indicator.type().id(), indicator.value(), c.description(),
                c.source(), allowListed, reason, now, now, 0);
        ArtifactView created = get(incidentId, artifacts.insert(draft));
        audit.record(actor, "create", KIND, created.id(), null, created);
        events.publishEvent(new ArtifactCreated(created.id(), incidentId));
        return created;
    }

    @Transactional
    ArtifactView update(String actor, long incidentId, long id, ArtifactUpdate u) {
        ArtifactView before = get(incidentId, id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        boolean allowListed = u.allowListed() == null ? before.allowListed() : u.allowListed();
        String reason = !allowListed ? null : u.allowListReason() != null ? u.allowListReason() : before.allowListReason();
        var changed = new ArtifactView(id, incidentId, before.type(), before.value(),
                u.description() == null ? before.description() : u.description(),
                u.source() == null ? before.source() : u.source(), allowListed, reason,
                before.createdAt(), Sql.now(clock), before.version());
        if (!artifacts.update(changed, u.version())) throw new VersionConflictException(KIND, id, u.version());
        ArtifactView after = get(incidentId, id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    @Transactional
    void delete(String actor, long incidentId, long id) {
        ArtifactView before = get(incidentId, id);
        artifacts.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
    }

    /** The accepted type ids, for messages: {@code sha256, md5, ...}. */
    static String typeIds() {
        return Arrays.stream(IndicatorType.values()).map(IndicatorType::id).collect(Collectors.joining(", "));
    }

    private static IndicatorType type(String text) {
        return IndicatorType.fromName(text).orElseThrow(() -> new InvalidFieldException("type",
                "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text)
                        + "' is not an indicator type: expected one of " + typeIds()));
    }

    private static Indicator parse(String value, IndicatorType expected) {
        try {
            return expected == null ? IndicatorParser.parse(value) : IndicatorParser.parse(value, expected);
        } catch (InvalidIndicatorException e) {
            throw new InvalidFieldException("value", e.getMessage());
        }
    }
}
