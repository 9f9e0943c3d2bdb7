package riposte.symantec.http;

/**
 * An HTTP proxy ({@code host:port}), optionally with Basic proxy authentication. {@link #toString()} hides the
 * password.
 */
public record ProxySettings(String host, int port, String username, String password) {
    public ProxySettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("proxy host is required");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("proxy port must be 1-65535");
    }

    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, null, null);
    }

    /** Parses {@code host:port}. */
    public static ProxySettings parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("proxy must be host:port, got '" + hostPort + "'");
        try {
            return of(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy must be host:port, got '" + hostPort + "'");
        }
    }

    public ProxySettings withAuth(String user, String pass) {
        return new ProxySettings(host, port, user, pass);
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=***")
                + "]";
    }
}
