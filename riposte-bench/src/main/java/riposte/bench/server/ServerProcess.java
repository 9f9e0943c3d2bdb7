package riposte.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import riposte.server.RiposteServer;

/**
 * The Riposte server in a second JVM ({@code ApiReadBenchmark --server-process}), so that the server's CPU time is
 * measured apart from the load generator's. The child prints {@code listening on <url>} once it accepts requests and
 * stops when its standard input closes, so it never outlives the benchmark. Closing this destroys the process.
 */
final class ServerProcess implements AutoCloseable {
    private static final String LISTENING = "listening on ";
    private final Process process;
    private final URI baseUrl;

    private ServerProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@link #main} with the current classpath, the given JVM options and server arguments. */
    static ServerProcess start(List<String> jvmOptions, List<String> serverArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerProcess.class.getName()));
        command.addAll(serverArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(LISTENING)) {
                Thread echo = new Thread(() -> out.lines().forEach(l -> System.out.println("# server: " + l)));
                echo.setDaemon(true);
                echo.start();
                return new ServerProcess(p, URI.create(line.substring(LISTENING.length()).strip()));
            }
            System.out.println("# server: " + line);
        }
        p.destroy();
        throw new IllegalStateException("the server process exited (" + p.onExit().join().exitValue()
                + ") before listening");
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** CPU time (user + system) of the server process so far, in nanoseconds, from {@code /proc/<pid>/stat}. */
    long cpuNanos() {
        return cpuNanos(process.pid());
    }

    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** The child: starts the server, says where it listens, and stops when standard input closes. */
    public static void main(String[] args) throws IOException {
        ConfigurableApplicationContext server = RiposteServer.start(args);
        System.out.println(LISTENING + "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to go away
        }
        server.close();
        System.exit(0);
    }
}
