package riposte.server.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.audit.AuditLog;
import riposte.server.system.Actor;

/**
 * First start, before the server accepts requests: when there is no user, creates {@code admin} with
 * {@code RIPOSTE_ADMIN_PASSWORD}, or with a generated password printed once to standard output (not to the log).
 * When {@code RIPOSTE_ADMIN_API_TOKEN} is set, makes sure a token with that value exists (only its hash is stored)
 * for the first enabled admin; an existing (even revoked) token with that value is left as it is.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";
    static final String TOKEN_NAME = "bootstrap (RIPOSTE_ADMIN_API_TOKEN)";

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final SecuritySettings settings;
    private final PrintStream console;

    AdminBootstrap(UserStore users, TokenStore tokens, PasswordEncoder encoder, AuditLog audit, TransactionTemplate tx,
            SecuritySettings settings) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
        this.settings = settings;
        this.console = System.out;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.hasAdminApiToken()) checkTokenFormat(settings.adminApiToken().strip());
        tx.executeWithoutResult(status -> {
            createAdminIfNoUsers();
            if (settings.hasAdminApiToken()) ensureToken(settings.adminApiToken().strip());
        });
    }

    private void createAdminIfNoUsers() {
        if (users.count() > 0) return;
        boolean generated = !settings.hasAdminPassword();
        String password = generated ? generatePassword() : settings.adminPassword();
        long id = users.insert(ADMIN, "Administrator", null, Role.ADMIN, encoder.encode(password));
        audit.record(Actor.SYSTEM, "create", UserService.KIND, id, null,
                users.find(id).orElseThrow());
        if (generated) {
            console.println();
            console.println("first start: admin password is " + password);
            console.println("(shown only this once; log in as 'admin' and change it, or set RIPOSTE_ADMIN_PASSWORD"
                    + " before the first start)");
            console.println();
            log.info("First start: created user 'admin' with a generated password (printed once on the console)");
        } else {
            log.info("First start: created user 'admin' with the password from RIPOSTE_ADMIN_PASSWORD");
        }
    }

    private void ensureToken(String secret) {
        if (tokens.existsWithSecret(secret)) return;
        UserView admin = users.account(ADMIN).map(UserStore.Account::view)
                .filter(u -> u.enabled() && u.role() == Role.ADMIN)
                .or(users::firstEnabledAdmin)
                .orElseThrow(() -> new IllegalStateException("RIPOSTE_ADMIN_API_TOKEN is set but there is no enabled admin"));
        long id = tokens.insert(admin.id(), TOKEN_NAME, secret, null);
        audit.record(Actor.SYSTEM, "create", TokenService.KIND, id, null, tokens.find(id).orElseThrow());
        log.info("Created the API token from RIPOSTE_ADMIN_API_TOKEN for user '{}' (prefix {})", admin.username(),
                TokenStore.prefixOf(secret));
    }

    /** The variable's value is never part of the message. */
    static void checkTokenFormat(String secret) {
        if (!secret.matches("rip_[A-Za-z0-9_-]{32,190}")) {
            throw new IllegalStateException("RIPOSTE_ADMIN_API_TOKEN must be 'rip_' followed by at least 32 letters,"
                    + " digits, '-' or '_' (e.g. rip_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '='))");
        }
    }

    static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
