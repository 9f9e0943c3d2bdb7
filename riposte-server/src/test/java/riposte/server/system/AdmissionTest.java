package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control in isolation (Spring's servlet stand-ins; the HTTP-level case is in {@link H2OverloadTest}):
 * beyond the limit requests wait and are let in, in arrival order, as turns come free; one that waits too long is a
 * 503 problem; uploads and downloads are never held back.
 */
class AdmissionTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Overload overload = new Overload(JsonMapper.builder().build());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void beyondTheLimitRequestsWaitAndAreLetInInArrivalOrder() throws Exception {
        Admission admission = new Admission(2, Duration.ofMinutes(1), overload, meters);
        CountDownLatch[] done = {new CountDownLatch(1), new CountDownLatch(1)};
        CompletableFuture<?> first = send(admission, get("/api/v1/incidents/1"), "first", done[0]);
        awaitEntered(1); // both are let in at once; sent one after the other so that their order is known
        CompletableFuture<?> second = send(admission, get("/api/v1/incidents/2"), "second", done[1]);
        awaitEntered(2);
        List<CompletableFuture<?>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(send(admission, get("/api/v1/incidents/w" + i), "waiting " + i, release));
            awaitWaiting(i + 1); // one after the other, so that their arrival order is known
        }
        assertThat(entered).containsExactly("first", "second");

        done[0].countDown();
        first.get(10, TimeUnit.SECONDS);
        awaitEntered(3);
        done[1].countDown();
        second.get(10, TimeUnit.SECONDS);
        awaitEntered(4);
        assertThat(entered).containsExactly("first", "second", "waiting 0", "waiting 1");
        release.countDown();
        for (var w : waiting) w.get(10, TimeUnit.SECONDS);
        assertThat(entered).containsExactly("first", "second", "waiting 0", "waiting 1", "waiting 2");
        assertThat(waitingGauge()).isZero();
        assertThat(overload.turnedAwayCount()).isZero();
    }

    @Test
    void aRequestThatWaitsLongerThanTheTimeoutIsA503ProblemWithRetryAfter() throws Exception {
        Admission admission = new Admission(1, Duration.ofMillis(200), overload, meters);
        send(admission, get("/api/v1/incidents/1"), "holder", release);
        awaitEntered(1);

        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(get("/api/v1/incidents/2"), response, (req, res) -> entered.add("late"));

        assertThat(entered).containsExactly("holder");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"urn:riposte:problem:overloaded\"")
                .contains("busy with other requests");
        assertThat(overload.turnedAwayCount()).isEqualTo(1);
    }

    @Test
    void uploadsAndDownloadsAreNotHeldBackByTheLimit() throws Exception {
        Admission admission = new Admission(1, Duration.ofMillis(100), overload, meters);
        send(admission, get("/api/v1/incidents/1"), "holder", release);
        awaitEntered(1);

        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/v1/incidents/1/attachments");
        upload.setContentType("multipart/form-data; boundary=x");
        for (var request : List.of(upload, get("/api/v1/incidents/1/attachments/7/content"),
                get("/api/v1/reports/3/pdf"), get("/api/v1/incidents/1/data-tables/sep_endpoints/rows/csv"),
                get("/api/v1/attribute-definitions/export"))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            admission.doFilter(request, response, (req, res) -> entered.add(request.getRequestURI()));
            assertThat(response.getStatus()).as(request.getRequestURI()).isEqualTo(200);
        }
        assertThat(entered).hasSize(6);
        assertThat(overload.turnedAwayCount()).isZero();
    }

    @Test
    void zeroMeansNoLimitAndANegativeLimitIsRefused() throws Exception {
        Admission unlimited = new Admission(0, Duration.ofMillis(1), overload, meters);
        for (int i = 0; i < 5; i++) send(unlimited, get("/api/v1/incidents/" + i), "r" + i, release);
        awaitEntered(5);

        assertThatThrownBy(() -> new Admission(-1, Duration.ofSeconds(1), overload, meters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("riposte.server.max-concurrent-requests must be 0 (no limit) or more: -1");
    }

    private CompletableFuture<?> send(Admission admission, MockHttpServletRequest request, String name,
            CountDownLatch until) {
        FilterChain chain = (req, res) -> {
            entered.add(name);
            try {
                until.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return CompletableFuture.runAsync(() -> {
            try {
                admission.doFilter(request, new MockHttpServletResponse(), chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private void awaitEntered(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && entered.size() < n; i++) Thread.sleep(10);
        assertThat(entered).hasSize(n);
    }

    private void awaitWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 1000 && waitingGauge() < n; i++) Thread.sleep(10);
        assertThat(waitingGauge()).isEqualTo(n);
    }

    private double waitingGauge() {
        return meters.get("riposte.requests.waiting").gauge().value();
    }
}
