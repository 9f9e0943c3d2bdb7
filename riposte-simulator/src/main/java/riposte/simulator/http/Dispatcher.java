package riposte.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import riposte.simulator.fault.Fault;

/**
 * Runs every request through the same pipeline, in this order:
 * <ol>
 *   <li>{@code /_sim/} hooks answer directly (no faults, latency, limits or stats);</li>
 *   <li>an enqueued {@link Fault} matching the path, if any (stall and token expiry then continue);</li>
 *   <li>region-redirect mode: bearer routes on the primary listener get 307 to the regional listener;</li>
 *   <li>rate limit (429), random error rate (500/502/503), added latency;</li>
 *   <li>routing: 404 for no route, 405 for a wrong method, bearer check (401), then the handler.</li>
 * </ol>
 * Rate limiting before authentication mirrors API gateways, which throttle before they look at credentials.
 */
final class Dispatcher {

    private static final int[] INJECTED_STATUSES = {500, 502, 503};

    private final ServerOptions options;
    private final Router router;
    private final Router internal;
    private final BearerTokens tokens;
    private final StatsCounters stats;
    private final RequestJournal journal;
    private final FaultQueue faults;
    private final RateLimiter rateLimiter;
    private final Random dice;
    private final Function<String, URI> regionalLocation;
    private final BiFunction<Integer, String, SimResponse> errorBody;

    Dispatcher(ServerOptions options, Router router, Router internal, BearerTokens tokens, StatsCounters stats,
               RequestJournal journal, FaultQueue faults, Function<String, URI> regionalLocation,
               BiFunction<Integer, String, SimResponse> errorBody) {
        this.options = options;
        this.router = router;
        this.internal = internal;
        this.tokens = tokens;
        this.stats = stats;
        this.journal = journal;
        this.faults = faults;
        this.rateLimiter = options.rateLimitPerSecond() > 0
                ? new RateLimiter(options.rateLimitPerSecond(), options.clock()) : null;
        // java.util.Random is thread-safe; seeded so a run's fault pattern can be replayed.
        this.dice = new Random(options.seed() ^ 0x5DEECE66DL);
        this.regionalLocation = regionalLocation;
        this.errorBody = errorBody;
    }

    void handle(HttpExchange exchange, SimRequest.Listener listener) {
        try (exchange) {
            long seq = journal.nextSequence();
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            Router.Match internalMatch = internal.match(rawPath);
            Router.Match match = internalMatch != null ? internalMatch : router.match(rawPath);
            var request = new SimRequest(method, rawPath, uri.getRawQuery(), match == null ? "" : match.tail(),
                    exchange.getRequestHeaders(), body, listener);
            Route route = match == null ? null : match.forMethod(method);
            String template = route != null ? route.template()
                    : method + " " + (match != null ? match.routes().getFirst().path() : "(unmatched)");
            if (internalMatch != null) {
                send(exchange, answer(request, match, route), Duration.ZERO);
                return;
            }
            stats.call(template);
            stats.enter();
            try {
                String bearer = bearerToken(request);
                Fault fault = faults.poll(rawPath, bearer != null);
                if (fault != null && fault.kind() == Fault.Kind.DISCONNECT) {
                    journal.record(seq, request, template, 0);
                    return; // closing the exchange without a response closes the connection
                }
                SimResponse response = applyFault(fault, request, bearer);
                if (response == null) response = throttle(request, route);
                if (response == null) response = answer(request, match, route);
                stats.answered(response.status());
                journal.record(seq, request, template, response.status());
                send(exchange, response, fault != null && fault.kind() == Fault.Kind.SLOW_BODY ? fault.duration() : null);
            } finally {
                stats.leave();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or a handler failed; a simulator keeps serving. Nothing is logged on purpose:
            // request-path logging would dominate benchmark profiles and could echo credentials.
        }
    }

    /** The reply a fault forces, or {@code null} to carry on (after a stall or token expiry). */
    private SimResponse applyFault(Fault fault, SimRequest request, String bearer) {
        if (fault == null) return null;
        return switch (fault.kind()) {
            case STATUS -> {
                if (fault.status() >= 500) stats.injected5xx.increment();
                SimResponse r = errorBody.apply(fault.status(), reason(fault.status()));
                yield fault.retryAfter() >= 0 ? r.withHeader("Retry-After", Integer.toString(fault.retryAfter())) : r;
            }
            case STALL -> {
                sleep(fault.duration());
                yield null;
            }
            case EXPIRE_TOKEN -> {
                tokens.expire(bearer);
                yield null;
            }
            case REDIRECT -> redirect(request);
            case SLOW_BODY, DISCONNECT -> null;
        };
    }

    /** Redirect mode, rate limit, error rate and latency; {@code null} when the request goes on to its route. */
    private SimResponse throttle(SimRequest request, Route route) {
        if (options.regionRedirect() && request.listener() == SimRequest.Listener.PRIMARY
                && route != null && route.access() == Access.BEARER) {
            return redirect(request);
        }
        if (rateLimiter != null) {
            long wait = rateLimiter.tryAcquire();
            if (wait > 0) {
                return errorBody.apply(429, "Too Many Requests").withHeader("Retry-After", Long.toString(wait));
            }
        }
        if (options.errorRate() > 0 && dice.nextDouble() < options.errorRate()) {
            int status = INJECTED_STATUSES[dice.nextInt(INJECTED_STATUSES.length)];
            stats.injected5xx.increment();
            return errorBody.apply(status, reason(status));
        }
        Duration latency = options.latencyMin();
        if (options.latencyMax().compareTo(latency) > 0) {
            long spread = options.latencyMax().toNanos() - latency.toNanos();
            latency = latency.plusNanos((long) (dice.nextDouble() * spread));
        }
        sleep(latency);
        return null;
    }

    private SimResponse answer(SimRequest request, Router.Match match, Route route) {
        if (match == null) return errorBody.apply(404, "Not Found");
        if (route == null) return errorBody.apply(405, "Method Not Allowed").withHeader("Allow", match.allowHeader());
        if (route.access() == Access.BEARER && !tokens.isValid(bearerToken(request))) {
            // A request that reached the regional host without any credentials is what a client that drops
            // Authorization on redirect produces; the real API answers 403 there (reference §1, S7).
            if (request.listener() == SimRequest.Listener.REGIONAL && request.header("Authorization") == null) {
                return errorBody.apply(403, "Forbidden");
            }
            return errorBody.apply(401, "Unauthorized");
        }
        try {
            return route.handler().handle(request);
        } catch (RuntimeException e) {
            // A handler bug must look like a server error to the client, not like a dropped connection.
            return errorBody.apply(500, "Internal Server Error");
        }
    }

    private SimResponse redirect(SimRequest request) {
        String target = request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        return new SimResponse(307, Map.of("Location", regionalLocation.apply(target).toString()),
                new byte[0]);
    }

    private static String bearerToken(SimRequest request) {
        String auth = request.header("Authorization");
        if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return auth.substring(7).strip();
    }

    private static void send(HttpExchange exchange, SimResponse response, Duration dribble) throws IOException {
        var headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length > 0 && !response.headers().containsKey("Content-Type")) {
            headers.set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length == 0) return;
        OutputStream out = exchange.getResponseBody();
        if (dribble == null || dribble.isZero()) {
            out.write(body);
            return;
        }
        long pause = dribble.toNanos() / body.length;
        for (byte b : body) {
            out.write(b);
            out.flush();
            sleep(Duration.ofNanos(pause));
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d); // on a virtual thread this parks cheaply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
