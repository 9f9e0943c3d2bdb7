package riposte.server.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the secret key comes from, and the errors for a bad one (which never contain the key). */
class SecretKeysTest {

    @Test
    void generatesAKeyFileWithOwnerOnlyPermissionsOnceAndReusesIt(@TempDir Path dir) throws Exception {
        var settings = new SecretKeySettings(null, null, dir.resolve("data"));
        var first = SecretKeys.load(settings);
        Path file = dir.resolve("data").resolve(SecretKeys.GENERATED_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.getEncoded()).hasSize(32);
        assertThat(SecretKeys.load(settings).getEncoded()).isEqualTo(first.getEncoded());
        assertThat(SecretKeys.load(new SecretKeySettings(null, file, dir)).getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void aBadKeyIsAClearErrorWithoutTheKey(@TempDir Path dir) {
        assertThatThrownBy(() -> SecretKeys.load(new SecretKeySettings("c2hvcnQ=", null, dir)))
                .hasMessageContaining("decodes to 5 bytes: expected 32").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> SecretKeys.load(new SecretKeySettings("not base64 !!", null, dir)))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> SecretKeys.load(new SecretKeySettings(null, dir.resolve("missing.key"), dir)))
                .hasMessageContaining("does not exist");
    }
}
