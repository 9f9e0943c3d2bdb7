package riposte.symantec.sepm;

import java.util.List;

/**
 * Filters of {@code GET /computers}; null means "not sent". {@code computerName} and {@code mac} take {@code *}
 * wildcards; {@code computerId} or {@code hardwareKey} select one record and make SEPM ignore the other filters
 * except {@code domain}. {@code domain} is a domain id; {@code lastUpdate} is epoch ms (0 = all).
 * {@code sort} is {@code COMPUTER_NAME}, {@code COMPUTER_ID}, {@code COMPUTER_DOMAIN_NAME} or {@code DOMAIN_ID}.
 */
public record ComputerQuery(String computerName, String computerId, String hardwareKey, String mac, String domain,
                            Long lastUpdate, List<String> os, String order, String sort, Boolean verbose,
                            List<String> feature, int pageSize) {
    /** Large pages mean few calls; small enough that one page is a few MB. fn_sep uses 10 000, Splunk 500. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public ComputerQuery {
        os = os == null ? List.of() : List.copyOf(os);
        feature = feature == null ? List.of() : List.copyOf(feature);
        if (pageSize < 1) throw new SepmInvalidRequestException("page size must be at least 1");
        if (order != null && !order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
            throw new SepmInvalidRequestException("order must be ASC or DESC, not '" + SepmIds.printable(order) + "'");
        }
    }

    /** All computers of the logged-on domain. */
    public static ComputerQuery all() {
        return new ComputerQuery(null, null, null, null, null, null, null, null, null, null, null, DEFAULT_PAGE_SIZE);
    }

    public ComputerQuery withComputerName(String v) {
        return new ComputerQuery(v, computerId, hardwareKey, mac, domain, lastUpdate, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withComputerId(String v) {
        return new ComputerQuery(computerName, SepmIds.require(v, "computer id"), hardwareKey, mac, domain, lastUpdate, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withHardwareKey(String v) {
        return new ComputerQuery(computerName, computerId, SepmIds.require(v, "hardware key"), mac, domain, lastUpdate, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withMac(String v) {
        return new ComputerQuery(computerName, computerId, hardwareKey, v, domain, lastUpdate, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withDomain(String domainId) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domainId, lastUpdate, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withLastUpdate(long epochMillis) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, epochMillis, os, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withOs(List<String> v) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, lastUpdate, v, order, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withOrder(String v) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, lastUpdate, os, v, sort, verbose, feature, pageSize);
    }

    public ComputerQuery withSort(String v) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, lastUpdate, os, order, v, verbose, feature, pageSize);
    }

    public ComputerQuery withVerbose(boolean v, List<String> features) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, lastUpdate, os, order, sort, v, features, pageSize);
    }

    public ComputerQuery withPageSize(int v) {
        return new ComputerQuery(computerName, computerId, hardwareKey, mac, domain, lastUpdate, os, order, sort, verbose, feature, v);
    }
}
