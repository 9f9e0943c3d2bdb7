package riposte.symantec.sepm;

/**
 * The answer of {@code POST /identity/authenticate} ({@code UserToken}): the bearer token and its lifetime in
 * seconds from now. {@link #toString()} never shows the token.
 */
record UserToken(String token, Long tokenExpiration, String adminId, String username, String domain, String domainid) {
    @Override
    public String toString() {
        return "UserToken[username=" + username + ", domain=" + domain + ", tokenExpiration=" + tokenExpiration + ", token=***]";
    }
}
