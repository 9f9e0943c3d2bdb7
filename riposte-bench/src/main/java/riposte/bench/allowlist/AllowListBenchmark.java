package riposte.bench.allowlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import riposte.core.allowlist.AllowList;
import riposte.core.allowlist.AllowListEntries;
import riposte.core.allowlist.AllowListEntry;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;

/**
 * {@link AllowList#match(Indicator)} with 10, 1 000 and 100 000 entries (a third each CIDR blocks, exact and wildcard
 * domains, SHA-256 hashes) for a mix of indicators, about half of them listed: a lookup should cost the same whatever
 * the size (hash sets, a suffix walk, a longest-prefix trie). Compare the sizes within one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AllowListBenchmark {
    @Param({"10", "1000", "100000"})
    public int entries;

    private AllowList list;
    private Indicator[] indicators;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(7);
        List<AllowListEntry> all = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String value = switch (i % 4) {
                case 0 -> "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32";
                case 1 -> "host-" + i + ".example.com";
                case 2 -> "*.tenant-" + i + ".example.net";
                default -> String.format("%064x", (long) i * 2654435761L);
            };
            all.add(AllowListEntries.parse(value, "bench"));
        }
        list = AllowList.of(all);
        indicators = new Indicator[1024];
        for (int k = 0; k < indicators.length; k++) {
            int i = random.nextInt(Math.max(1, entries) * 2); // half beyond the list: not listed
            indicators[k] = IndicatorParser.parse(switch (k % 5) {
                case 0 -> "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
                case 1 -> "host-" + i + ".example.com";
                case 2 -> "https://a.b.tenant-" + i + ".example.net/login";
                case 3 -> "joe@mail.tenant-" + i + ".example.net";
                default -> String.format("%064x", (long) i * 2654435761L);
            });
        }
    }

    @Benchmark
    public Object match() {
        Indicator indicator = indicators[next++ & 1023];
        return list.match(indicator);
    }
}
