package riposte.simulator.http;

/**
 * One registered route.
 *
 * @param method   the only method it answers; others get 405
 * @param path     the exact path, or for a prefix route the prefix (ending in {@code /})
 * @param prefix   whether {@code path} is a prefix and the rest of the raw path is the route's parameter
 * @param template the stats and journal name, e.g. {@code GET /v1/threat-intel/insight/file/{sha256}}
 * @param access   whether a bearer token is needed
 * @param handler  what answers
 */
record Route(String method, String path, boolean prefix, String template, Access access, SimHandler handler) {
}
