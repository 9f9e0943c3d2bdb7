package riposte.cli.sep;

import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.FingerprintList;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmDomain;

/** The shared shape of the blacklist commands: the list NAME and {@code --domain} (an id, or a domain's name). */
abstract class SepBlacklistCall extends SepCall {
    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f]{32}");

    @Parameters(index = "0", paramLabel = "NAME", description = "The fingerprint list's name.")
    String name;

    @Option(names = {"--domain", "--domain-id"}, paramLabel = "DOMAIN", description = "The list's domain: its id, or its name as 'riposte sep domains' shows it (default: the domain the administrator logged on to).")
    String domain;

    /** The domain id for {@code --domain}, looking a name up in {@code GET /domains}; null if not given. */
    String domainId(SepmClient sepm) {
        if (domain == null || domain.isBlank()) return null;
        if (ID.matcher(domain.strip()).matches()) return domain.strip();
        return sepm.domains().stream().filter(d -> domain.strip().equalsIgnoreCase(d.name())).map(SepmDomain::id).findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.USAGE, "no SEPM domain is named '" + domain
                        + "': give a domain id (32 hex digits) or a name listed by 'riposte sep domains'"));
    }

    /** The list, or exit 2 saying it does not exist. */
    FingerprintList existing(SepmClient sepm, String domainId) {
        return sepm.fingerprintListByName(name, domainId).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "no fingerprint list is named '" + name + "'" + (domain == null ? "" : " in domain " + domain)));
    }
}
