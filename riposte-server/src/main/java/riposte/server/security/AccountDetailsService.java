package riposte.server.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Users for password login; a user without a password hash can only use API tokens. */
@Component
class AccountDetailsService implements UserDetailsService {
    private final UserStore users;

    AccountDetailsService(UserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.Account account = users.account(username).filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user or no password"));
        return User.withUsername(account.view().username())
                .password(account.passwordHash())
                .authorities(account.view().role().authority())
                .disabled(!account.view().enabled())
                .build();
    }
}
