package riposte.server.credential;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.secrets}.
 *
 * @param key the 256-bit key, base64 ({@code RIPOSTE_SECRET_KEY}); wins over the key file
 * @param keyFile a file holding the base64 key ({@code RIPOSTE_SECRET_KEY_FILE}); must exist when given
 * @param dataDir where {@code secret.key} is generated (0600) when neither is set ({@code RIPOSTE_DATA_DIR})
 */
@ConfigurationProperties("riposte.secrets")
record SecretKeySettings(String key, Path keyFile, @DefaultValue("./data") Path dataDir) {

    boolean hasKey() {
        return key != null && !key.isBlank();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "SecretKeySettings[key=" + (hasKey() ? "(set)" : "(none)") + ", keyFile=" + keyFile
                + ", dataDir=" + dataDir + "]";
    }
}
