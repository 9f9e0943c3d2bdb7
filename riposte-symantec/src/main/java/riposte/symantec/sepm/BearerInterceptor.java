package riposte.symantec.sepm;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer …}; on a 401 gets one new token from the {@link TokenManager} and retries once.
 * A second 401 is returned to the caller, which reports it as an authentication failure.
 */
final class BearerInterceptor implements Interceptor {
    private final TokenManager tokens;

    BearerInterceptor(TokenManager tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String auth = tokens.authorization();
        Response response = chain.proceed(request.newBuilder().header("Authorization", auth).build());
        if (response.code() != 401) return response;
        response.close();
        return chain.proceed(request.newBuilder().header("Authorization", tokens.refresh(auth)).build());
    }
}
