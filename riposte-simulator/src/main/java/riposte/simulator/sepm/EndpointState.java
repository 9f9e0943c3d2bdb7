package riposte.simulator.sepm;

/**
 * The state of one command on one endpoint at a moment of simulated time: a row of
 * {@code GET /command-queue/{id}} (reference §4.2, codes in §4.4). Times are epoch millis or null.
 */
record EndpointState(int stateId, int subStateId, String subStateDesc, Long beginTime, Long lastUpdateTime,
                     String binaryFileId, String resultInXML) {
    static final int INITIAL = 0;
    static final int RECEIVED = 1;
    static final int IN_PROGRESS = 2;
    static final int COMPLETED = 3;
    static final int REJECTED = 4;
    static final int CANCELLED = 5;
    static final int ERROR = 6;

    boolean terminal() {
        return stateId >= COMPLETED;
    }
}
