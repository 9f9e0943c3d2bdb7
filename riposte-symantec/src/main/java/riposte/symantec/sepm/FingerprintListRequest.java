package riposte.symantec.sepm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Md5;
import riposte.core.indicator.Sha256;

/**
 * The body of a fingerprint list create or replace ({@code BlacklistPayload}): name, description, domain id and the
 * <em>whole</em> list of hashes (a replace drops hashes not given). MD5 and SHA-256 only; one type is sent as v1,
 * a mix as v2. SEPM refuses an empty list: delete the list instead. An empty domain id means "the default":
 * {@link SepmClient} replaces it with the administrator's login domain before sending (SEPM requires one).
 */
public record FingerprintListRequest(String name, String description, String domainId, List<Indicator> hashes) {
    /** SEPM's pattern for list names. */
    private static final Pattern NAME = Pattern.compile("[^/\\\\*?<>|:\"]+");

    public FingerprintListRequest {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 255) {
            throw new SepmInvalidRequestException("invalid fingerprint list name '" + SepmIds.printable(name)
                    + "': it must be non-empty and must not contain / \\ * ? < > | : \"");
        }
        description = description == null ? "" : description;
        domainId = domainId == null || domainId.isBlank() ? "" : SepmIds.require(domainId, "domain id");
        hashes = List.copyOf(new LinkedHashSet<>(hashes == null ? List.of() : hashes));
        if (hashes.isEmpty()) throw new SepmInvalidRequestException("a fingerprint list needs at least one hash; delete it instead");
        for (Indicator h : hashes) {
            if (!(h instanceof Md5) && !(h instanceof Sha256)) {
                throw new SepmInvalidRequestException("fingerprint lists take MD5 and SHA-256 hashes, not " + h.describe());
            }
        }
    }

    /** Parses each hash with {@link IndicatorParser}. */
    public static FingerprintListRequest of(String name, String description, String domainId, List<String> hashes) {
        return new FingerprintListRequest(name, description, domainId, hashes.stream().map(IndicatorParser::parse).toList());
    }

    /** The same list in domain {@code id}. */
    public FingerprintListRequest withDomainId(String id) {
        return new FingerprintListRequest(name, description, SepmIds.require(id, "domain id"), hashes);
    }

    /** The same list with one more hash. */
    public FingerprintListRequest plus(Indicator hash) {
        return new FingerprintListRequest(name, description, domainId, java.util.stream.Stream.concat(hashes.stream(), java.util.stream.Stream.of(hash)).toList());
    }

    /** True if all hashes have one type, so the v1 payload can carry them. */
    boolean singleType() {
        return hashes.stream().map(Indicator::type).distinct().count() == 1;
    }
}
