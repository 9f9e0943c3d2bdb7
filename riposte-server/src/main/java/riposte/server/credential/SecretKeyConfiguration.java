package riposte.server.credential;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the secret key once at start-up and checks it against the stored credentials: a server started with another
 * key than the one its credentials were stored with refuses to start, saying which key fingerprints differ.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    @Bean
    SecretCipher secretCipher(SecretKeySettings settings, CredentialRepository credentials) {
        SecretCipher cipher = new SecretCipher(SecretKeys.load(settings));
        for (Object[] row : credentials.keyIds()) {
            String keyId = (String) row[0];
            if (keyId != null && !keyId.equals(cipher.keyId())) {
                throw new SecretKeyMismatchException(row[1] + " stored credential(s) were encrypted with secret key "
                        + keyId + " but the configured secret key is " + cipher.keyId()
                        + ": start the server with the key they were stored with (RIPOSTE_SECRET_KEY or "
                        + "RIPOSTE_SECRET_KEY_FILE; see docs/server.md, 'Secret key'), or delete those credentials");
            }
        }
        return cipher;
    }
}
