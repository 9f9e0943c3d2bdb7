package riposte.bench.interchange;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import riposte.core.indicator.IndicatorParser;
import riposte.core.interchange.ExportedIndicator;
import riposte.core.interchange.StixBundleWriter;

/**
 * Streams a STIX 2.1 bundle of 100 000 indicators (a mix of SHA-256, MD5, domains, IPv4 addresses and URLs, each
 * written as indicator + SCO + relationship, so 300 001 objects) to a stream that only counts bytes. The
 * indicators are made on the fly, as a database cursor would hand them over, so nothing grows with the count:
 * run it with {@code -jvmArgs -Xmx64m} to see the bound. One operation is one whole bundle; objects/s is
 * 300 001 × ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StixExportBenchmark {

    static final int INDICATORS = 100_000;
    private static final Instant CREATED = Instant.parse("2026-03-01T10:15:30.123Z");

    @Benchmark
    public long export100k() {
        var out = new CountingStream();
        try (var writer = new StixBundleWriter(out)) {
            for (int i = 0; i < INDICATORS; i++) {
                String value = switch (i % 5) {
                    case 0 -> String.format("%064x", (long) i * 2654435761L);
                    case 1 -> String.format("%032x", (long) i * 40503L);
                    case 2 -> "host-" + i + ".evil.example";
                    case 3 -> "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
                    default -> "http://c2-" + i + ".example/drop/a'b.png";
                };
                writer.write(new ExportedIndicator(IndicatorParser.parse(value), CREATED, CREATED,
                        OptionalInt.of(i % 101), Optional.of("Symantec: Trojan.Gen.\"" + i + "\" </script>")));
            }
            return writer.objectCount() + out.bytes;
        }
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
