package riposte.symantec.ses;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer …} to every API call; on a 401 it gets one new token (shared with concurrent
 * callers, see {@link TokenManager#refresh}) and retries once. A second 401 is returned to the caller.
 */
final class BearerTokenInterceptor implements Interceptor {
    private final TokenManager tokens;

    BearerTokenInterceptor(TokenManager tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String auth = tokens.authorization();
        Response response = chain.proceed(request.newBuilder().header("Authorization", auth).build());
        if (response.code() != 401) return response;
        response.close();
        String fresh = tokens.refresh(auth);
        return chain.proceed(request.newBuilder().header("Authorization", fresh).build());
    }
}
