package riposte.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token: acts as the token's owner with the owner's current role. */
final class TokenAuthentication extends AbstractAuthenticationToken {
    private final TokenStore.Owner owner;

    TokenAuthentication(TokenStore.Owner owner) {
        super(List.of(new SimpleGrantedAuthority(owner.role().authority())));
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null; // the token itself is never kept
    }

    @Override
    public Object getPrincipal() {
        return owner.username();
    }

    long tokenId() {
        return owner.tokenId();
    }
}
