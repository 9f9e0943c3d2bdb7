package riposte.server.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value and a 128-bit tag. The credential's name is bound in as associated
 * data, so a ciphertext copied onto another credential does not decrypt. {@link #keyId()} is a fingerprint of the key
 * (not the key) stored beside each value, so that a wrong key is reported as such rather than as garbage.
 */
final class SecretCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretKey key) {
        this.key = key;
        this.keyId = fingerprint(key);
    }

    /** The stored form of one secret: base64 ciphertext (with tag), base64 nonce, key fingerprint. */
    record Sealed(String ciphertext, String nonce, String keyId) {
        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + "]";
        }
    }

    String keyId() {
        return keyId;
    }

    Sealed seal(String name, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(name));
            byte[] out = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(Base64.getEncoder().encodeToString(out), Base64.getEncoder().encodeToString(nonce), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    String open(String name, Sealed sealed) {
        if (sealed.keyId() != null && !sealed.keyId().equals(keyId)) {
            throw new SecretKeyMismatchException("credential '" + name + "' was encrypted with secret key "
                    + sealed.keyId() + " but the server's secret key is " + keyId
                    + ": configure the key it was stored with (RIPOSTE_SECRET_KEY or RIPOSTE_SECRET_KEY_FILE), "
                    + "or set the credential's secret again");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(sealed.nonce())));
            cipher.updateAAD(aad(name));
            return new String(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretKeyMismatchException("credential '" + name + "' cannot be decrypted with the server's "
                    + "secret key " + keyId + ": the key is wrong or the stored value was altered");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretKeyMismatchException("credential '" + name + "' has a damaged stored value ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] aad(String name) {
        return ("riposte:credential:" + name).getBytes(StandardCharsets.UTF_8);
    }

    static String fingerprint(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("riposte-secret-key-id:".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(sha.digest(key.getEncoded())).substring(0, 15);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
