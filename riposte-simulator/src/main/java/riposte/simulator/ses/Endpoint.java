package riposte.simulator.ses;

/**
 * The nine Threat Intel endpoints (reference §3): path prefix, echo key, and the array an unknown indicator gets
 * empty ({@code null} for insight, which answers the echo key alone, §4.10).
 */
enum Endpoint {
    FILE_INSIGHT("/v1/threat-intel/insight/file/", "{sha256}", Input.FILE, null),
    FILE_PROTECTION("/v1/threat-intel/protection/file/", "{sha256}", Input.FILE, "state"),
    FILE_RELATED("/v1/threat-intel/related/file/", "{sha256}", Input.FILE, "related"),
    PROCESS_CHAIN("/v1/threat-intel/processchain/file/", "{sha256}", Input.FILE, "chain"),
    NETWORK_INSIGHT("/v1/threat-intel/insight/network/", "{network}", Input.NETWORK, null),
    /** The history shape is not public: {@code history} entries are simulator-invented (see NetworkRecords). */
    NETWORK_HISTORY("/v1/threat-intel/insight/network/history/", "{network}", Input.NETWORK, "history"),
    NETWORK_PROTECTION("/v1/threat-intel/protection/network/", "{network}", Input.NETWORK, "state"),
    NETWORK_RELATED("/v1/threat-intel/related/network/", "{network}", Input.NETWORK, "related"),
    CVE_PROTECTION("/v1/threat-intel/protection/cve/", "{cve}", Input.CVE, "state");

    /** What the last path segment must be. */
    enum Input {
        FILE("file", "Invalid sha256"),
        NETWORK("network", "Invalid network"),
        /** The live API echoes {@code cve}, though the vendor docs show {@code file} (reference §4.6). */
        CVE("cve", "Invalid cve");

        final String echoKey;
        final String invalidMessage;

        Input(String echoKey, String invalidMessage) {
            this.echoKey = echoKey;
            this.invalidMessage = invalidMessage;
        }
    }

    final String prefix;
    final String template;
    final Input input;
    final String emptyArray;

    Endpoint(String prefix, String parameter, Input input, String emptyArray) {
        this.prefix = prefix;
        this.template = "GET " + prefix + parameter;
        this.input = input;
        this.emptyArray = emptyArray;
    }
}
