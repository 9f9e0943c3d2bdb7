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

    /**
     * Parses {@code host:port} or {@code http://user:password@host:port} (user and password percent-decoded).
     *
     * @throws IllegalArgumentException naming the accepted forms, without echoing a password
     */
    public static ProxySettings parse(String value) {
        String v = value.strip();
        if (v.contains("://")) return parseUrl(v);
        int colon = v.lastIndexOf(':');
        if (colon <= 0) throw new IllegalArgumentException(FORMS);
        try {
            return of(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FORMS);
        }
    }

    private static final String FORMS = "a proxy must be host:port or http://user:password@host:port";

    private static ProxySettings parseUrl(String value) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(FORMS);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException(FORMS);
        }
        ProxySettings proxy = of(uri.getHost(), uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) return proxy;
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return proxy.withAuth(user, password);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
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
