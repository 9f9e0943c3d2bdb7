package riposte.simulator.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SesPopulationTest {

    private final SesPopulation population = new SesPopulation(42);

    @Test
    void permutationIsInvertibleForEveryWidthUsed() {
        Random random = new Random(1);
        for (int bits : new int[] {24, 32, 64}) {
            var perm = new KeyedPermutation(bits, 99);
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            for (int k = 0; k < 10_000; k++) {
                long x = random.nextLong() & mask;
                assertThat(perm.apply(x) & ~mask).isZero();
                assertThat(perm.invert(perm.apply(x))).isEqualTo(x);
            }
        }
    }

    @Test
    void everyKindOfMemberIsRecognisedAtBothEndsOfItsIndexSpace() {
        for (long i : new long[] {0, 1, 2, 12_345, SesPopulation.MALICIOUS_FILES, SesPopulation.FILES - 1}) {
            assertThat(population.findFile(population.fileSha(i))).isEqualTo(i);
        }
        for (long i : new long[] {0, 1, 59_999, 60_000, SesPopulation.DOMAINS - 1}) {
            assertThat(population.findDomain(population.domainName(i))).isEqualTo(i);
        }
        for (long i : new long[] {0, 1, 17, SesPopulation.IPS - 1}) {
            assertThat(population.findIp(population.ipAddress(i))).isEqualTo(i);
        }
        for (long i : new long[] {0, 1, 69_999, SesPopulation.URLS - 1}) {
            assertThat(population.findUrl(population.urlValue(i))).isEqualTo(i);
        }
        for (long i : new long[] {0, 9, 10, SesPopulation.CVES - 1}) {
            assertThat(population.findCve(population.cveId(i))).isEqualTo(i);
        }
    }

    @Test
    void nearMissesAndOutsidersAreNotMembers() {
        String sha = population.fileSha(5);
        String flipped = sha.substring(0, 63) + (sha.charAt(63) == '0' ? '1' : '0');
        assertThat(population.findFile(flipped)).isEqualTo(-1);
        assertThat(population.findFile("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isEqualTo(-1);
        assertThat(population.findDomain("google.com")).isEqualTo(-1);
        assertThat(population.findIp("8.8.8.8")).isEqualTo(-1);
        assertThat(population.findCve("CVE-2014-1000")).isEqualTo(-1);
        String domain = population.domainName(3);
        String otherTld = domain.substring(0, domain.indexOf('.')) + (domain.endsWith(".zz") ? ".yy" : ".zz");
        assertThat(population.findDomain(otherTld)).isEqualTo(-1);
    }

    @Test
    void indicatorsAreDistinctAndValid() {
        Set<String> shas = new HashSet<>();
        Set<String> domains = new HashSet<>();
        Set<String> ips = new HashSet<>();
        for (long i = 0; i < 5_000; i++) {
            shas.add(population.file(i).value());
            domains.add(population.domain(i).value());
            ips.add(population.ip(i).value());
        }
        assertThat(shas).hasSize(5_000);
        assertThat(domains).hasSize(5_000);
        assertThat(ips).hasSize(5_000);
        assertThat(population.url(0).withoutScheme()).startsWith(population.domainName(0) + "/");
    }

    @Test
    void maliciousAndBenignAccessorsSplitTheFileSpace() {
        List<String> bad = population.maliciousFiles(3).stream().map(s -> s.value()).toList();
        assertThat(bad).containsExactly(population.fileSha(0), population.fileSha(1), population.fileSha(2));
        assertThat(bad).allMatch(population::isMaliciousFile);
        assertThat(population.benignFiles(3)).noneMatch(s -> population.isMaliciousFile(s.value()))
                .allMatch(s -> population.containsFile(s.value()));
        assertThat(population.fileName(0)).matches("[a-z_]+_\\d+\\.exe");
        assertThatThrownBy(() -> population.maliciousFile(SesPopulation.MALICIOUS_FILES))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sameSeedSamePopulationOtherSeedOtherPopulation() {
        var same = new SesPopulation(42);
        var other = new SesPopulation(43);
        assertThat(same.fileSha(77)).isEqualTo(population.fileSha(77));
        assertThat(same.domainName(77)).isEqualTo(population.domainName(77));
        assertThat(other.fileSha(77)).isNotEqualTo(population.fileSha(77));
        assertThat(other.containsFile(population.fileSha(77))).isFalse();
    }
}
