package riposte.symantec.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final FakeTime time = new FakeTime();

    @Test
    void secondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", time)).isEqualTo(Duration.ofSeconds(7));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(date, time)).isEqualTo(Duration.ofSeconds(30));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().minusSeconds(30).atOffset(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(past, time)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", time)).isNull();
        assertThat(RetryAfter.parse(null, time)).isNull();
        assertThat(RetryAfter.parse("-3", time)).isEqualTo(Duration.ZERO);
    }

    @Test
    void loopbackHosts() {
        assertThat(Transport.isLoopback("127.0.0.1")).isTrue();
        assertThat(Transport.isLoopback("127.8.9.10")).isTrue();
        assertThat(Transport.isLoopback("localhost")).isTrue();
        assertThat(Transport.isLoopback("::1")).isTrue();
        assertThat(Transport.isLoopback("128.0.0.1")).isFalse();
        assertThat(Transport.isLoopback("api.sep.securitycloud.symantec.com")).isFalse();
        assertThat(Transport.isLoopback("127.0.0.1.evil.com")).isFalse();
    }
}
