package riposte.simulator.ses;

/**
 * Stream ids for {@link Dice}: each kind of fact draws from its own stream, so adding a field to one record never
 * shifts the values of another (replies stay stable as the simulator grows).
 */
final class Streams {
    private Streams() {}

    static final long FILE_NAME = 1;
    static final long TLD = 2;
    static final long URL_PATH = 3;
    static final long FILE_FACTS = 10;
    static final long FILE_PROTECTION = 11;
    static final long FILE_RELATED = 12;
    static final long PROCESS_CHAIN = 13;
    static final long FAMILY = 14;
    static final long NETWORK_FACTS = 20;
    static final long NETWORK_PROTECTION = 21;
    static final long NETWORK_RELATED = 22;
    static final long NETWORK_HISTORY = 23;
    static final long CVE = 30;
}
