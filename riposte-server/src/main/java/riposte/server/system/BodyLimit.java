package riposte.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The most a JSON request body may weigh ({@code riposte.server.max-body-size}, {@code RIPOSTE_MAX_BODY_SIZE}): a
 * body whose {@code Content-Length} says more is answered 413 before it is read; one sent without a length is counted
 * as it is read and fails with {@link TooLarge} at the limit, which {@link ProblemAdvice} answers 413 too. Uploads
 * (multipart) have their own limit ({@code RIPOSTE_MAX_UPLOAD_SIZE}); other bodies (raw mail) are not JSON. Without
 * it a client could make the server buffer a body of any size while Jackson builds its tree.
 */
final class BodyLimit extends OncePerRequestFilter {
    static final String TYPE = ProblemAdvice.TYPE_PREFIX + "too-large";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final long max;

    BodyLimit(long max) {
        this.max = max;
    }

    /** Thrown while reading a body sent without a length once it passes the limit. */
    static final class TooLarge extends IOException {
        final long max;

        TooLarge(long max) {
            super("The request body is larger than the server accepts (at most " + max + " bytes)");
            this.max = max;
        }
    }

    static String detail(long max) {
        return "The request body is larger than the server accepts (at most " + max
                + " bytes); the limit is set with RIPOSTE_MAX_BODY_SIZE";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (max <= 0 || type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > max) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", TYPE);
            body.put("title", "Request body too large");
            body.put("status", 413);
            body.put("detail", detail(max));
            response.setStatus(413);
            response.setHeader("Connection", "close"); // the rest of the body is not read
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.writeValueAsString(body));
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Counted(request, max), response);
    }

    /** A request whose body stream fails with {@link TooLarge} after {@code max} bytes. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountingStream(super.getInputStream(), max);
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        CountingStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) throw new TooLarge(max);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
