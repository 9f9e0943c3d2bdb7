package riposte.bench.server;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load generator's HTTP client: a fixed GET written as prepared bytes over kept-alive HTTP/1.1 connections, and
 * the answer's status read and its body skipped (by {@code Content-Length} or chunks) into a buffer each connection
 * reuses. It costs the shared cores far less per request than {@link java.net.http.HttpClient} (no request,
 * response, header-map or future objects per request), so that more of the machine is left to the server. One
 * connection serves one request at a time; idle connections are reused, and more are opened while all are busy.
 */
final class KeepAliveClient implements AutoCloseable {
    private final InetSocketAddress address;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    KeepAliveClient(URI base) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
    }

    /** The bytes of {@code GET path} with the given headers (each {@code "Name: value"}). */
    static byte[] request(URI base, String path, String... headers) {
        StringBuilder b = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String h : headers) b.append(h).append("\r\n");
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends the request and reads the whole answer; returns its status. A kept-alive connection the server has
     * closed meanwhile (its idle timeout) is replaced once by a new one.
     */
    int send(byte[] request) throws IOException {
        Connection c = idle.pollFirst();
        if (c == null) return send(new Connection(address), request);
        try {
            return send(c, request);
        } catch (EOFException | java.net.SocketException e) {
            return send(new Connection(address), request);
        }
    }

    private int send(Connection c, byte[] request) throws IOException {
        boolean reusable = false;
        try {
            c.out.write(request);
            c.out.flush();
            int status = c.readResponse();
            reusable = c.keepAlive;
            return status;
        } finally {
            if (reusable) idle.addFirst(c);
            else c.close();
        }
    }

    @Override
    public void close() {
        for (Connection c; (c = idle.pollFirst()) != null; ) c.close();
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] line = new byte[8192];
        private final byte[] skip = new byte[16384];
        private boolean keepAlive;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 10_000);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        int readResponse() throws IOException {
            int n = readLine();
            if (n < 12 || line[0] != 'H') throw new IOException("not an HTTP status line");
            int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            while ((n = readLine()) > 0) {
                if (startsWith(n, "content-length:")) length = Long.parseLong(value(n, 15));
                else if (startsWith(n, "transfer-encoding:")) chunked = value(n, 18).toLowerCase().contains("chunked");
                else if (startsWith(n, "connection:")) keepAlive = !value(n, 11).equalsIgnoreCase("close");
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(chunkSize(readLine()), 16)) > 0) skip(size + 2);
                while (readLine() > 0) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                keepAlive = false; // the body ends with the connection
                while (in.read(skip) >= 0) {
                    // drain
                }
            }
            return status;
        }

        /** Reads one line without its CRLF into {@link #line}; returns its length. */
        private int readLine() throws IOException {
            int n = 0;
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new EOFException("connection closed mid-answer");
                if (b != '\r' && n < line.length) line[n++] = (byte) b;
            }
            return n;
        }

        private boolean startsWith(int n, String lowerCaseName) {
            if (n < lowerCaseName.length()) return false;
            for (int i = 0; i < lowerCaseName.length(); i++) {
                if (Character.toLowerCase(line[i]) != lowerCaseName.charAt(i)) return false;
            }
            return true;
        }

        private String value(int n, int from) {
            return new String(line, from, n - from, StandardCharsets.US_ASCII).strip();
        }

        private String chunkSize(int n) {
            int end = 0;
            while (end < n && line[end] != ';' && line[end] != ' ') end++;
            return new String(line, 0, end, StandardCharsets.US_ASCII);
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, bytes));
                if (r < 0) throw new EOFException("connection closed mid-body");
                bytes -= r;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
