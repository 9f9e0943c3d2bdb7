package riposte.symantec.ses;

import java.nio.charset.StandardCharsets;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.Url;

/**
 * The indicator as one percent-encoded path segment. URLs are sent without their scheme, with every character but
 * RFC 3986 unreserved ones encoded ({@code /} → {@code %2F}, {@code :} → {@code %3A}), as S7 does with
 * {@code quote_plus(value, safe="")}; sending {@code host/path} raw would turn it into extra path segments.
 */
final class IndicatorSegment {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IndicatorSegment() {}

    static String of(Indicator indicator) {
        String value = indicator instanceof Url url ? url.withoutScheme() : indicator.value();
        return encode(value);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
