package riposte.server.allowlist;

/** The allow-list API on H2. */
class H2AllowListApiTest extends AllowListApiContract {}
