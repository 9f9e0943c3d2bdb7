package riposte.symantec.sepm;

import java.nio.charset.StandardCharsets;

/**
 * A SEPM administrator login: user name, password and domain ({@code ""} for the default domain). SEPM needs a
 * system administrator for most calls. {@link #toString()} never shows the password.
 */
record SepmCredentials(String username, String password, String domain) {
    SepmCredentials {
        if (username == null || username.isBlank()) throw new SepmInvalidRequestException("SEPM user name is required");
        if (password == null || password.isEmpty()) throw new SepmInvalidRequestException("SEPM password is required");
        domain = domain == null ? "" : domain;
    }

    /**
     * The password as SEPM expects it: the server URL-decodes it (a raw {@code %} gives HTTP 400 "URLDecoder:
     * Incomplete trailing escape"), so it is percent-encoded first, as XSOAR does with {@code quote()}. Everything
     * but RFC 3986 unreserved characters is encoded (space as {@code %20}), which any URL decoder restores.
     */
    String encodedPassword() {
        StringBuilder out = new StringBuilder();
        for (byte b : password.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "SepmCredentials[username=" + username + ", domain=" + domain + ", password=***]";
    }
}
