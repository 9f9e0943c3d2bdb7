package riposte.symantec.http;

import java.io.IOException;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows 301/302/303/307/308 itself, keeping every header — {@code Authorization} included — because the SES
 * default host redirects tenants to their regional host and expects the credentials again there (OkHttp's own
 * follow-up strips {@code Authorization} across hosts, which ends in a 403). Build the client with
 * {@code followRedirects(false)}. Follows at most {@value #MAX_HOPS} hops and only to https, or to http on a
 * loopback host, and only to hosts the given predicate trusts (credentials are re-sent, so an open redirect must not
 * carry them anywhere); the method and body are kept (303 turns into a GET, as RFC 9110 says).
 */
public final class RedirectInterceptor implements Interceptor {
    static final int MAX_HOPS = 5;
    private final Predicate<HttpUrl> trustedTarget;

    /** @param trustedTarget which redirect targets may receive the request, headers included */
    public RedirectInterceptor(Predicate<HttpUrl> trustedTarget) {
        this.trustedTarget = trustedTarget;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int hop = 0; isRedirect(response.code()); hop++) {
            String location = response.header("Location");
            if (location == null) return response;
            HttpUrl target = request.url().resolve(location);
            if (hop >= MAX_HOPS) {
                response.close();
                throw failure(response.code(), "too many redirects (more than " + MAX_HOPS + ")");
            }
            if (target == null || !(target.isHttps() || Transport.isLoopback(target.host()))) {
                response.close();
                throw failure(response.code(), "refusing to follow a redirect to a non-https location"
                        + (target == null ? "" : " (" + target.scheme() + "://" + target.host() + ")"));
            }
            if (!trustedTarget.test(target)) {
                response.close();
                throw failure(response.code(), "refusing to follow a redirect to an untrusted host (" + target.host()
                        + "); configure that host as the base URL if it is your tenant's region");
            }
            response.close();
            Request.Builder next = request.newBuilder().url(target);
            if (response.code() == 303 && !"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
                next.method("GET", null);
            }
            request = next.build();
            response = chain.proceed(request);
        }
        return response;
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static FailedCallIOException failure(int status, String message) {
        return new FailedCallIOException(new UpstreamException(status, null, false, 1, message, null));
    }
}
