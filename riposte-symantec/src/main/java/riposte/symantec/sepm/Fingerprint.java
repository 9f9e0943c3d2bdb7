package riposte.symantec.sepm;

import java.util.Locale;

/** One hash of a fingerprint list: type {@code MD5}, {@code SHA256} (or {@code SHA1} in v2) and lower-case hex value. */
public record Fingerprint(String hashType, String value) {
    public Fingerprint {
        hashType = hashType == null ? typeOf(value) : hashType.strip().toUpperCase(Locale.ROOT).replace("-", "");
        value = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    static String typeOf(String value) {
        int n = value == null ? 0 : value.strip().length();
        return n == 64 ? "SHA256" : n == 40 ? "SHA1" : "MD5";
    }
}
