package riposte.simulator.ses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import riposte.core.indicator.Cve;
import riposte.core.indicator.Domain;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Sha256;
import riposte.core.indicator.Url;

/**
 * The seeded population of indicators the SES simulator knows besides its curated records: 1,000,000 files,
 * 200,000 domains, 100,000 IPv4 addresses, 100,000 URLs and 20,000 CVE ids, computed on demand and never held in
 * memory.
 *
 * <p><b>Layout.</b> Each kind has a dense index space; the first indices of a space are the malicious ones
 * ({@link #MALICIOUS_FILES} of the files, 15%), so {@code maliciousFile(i)} is simply {@code file(i)}. Indicators
 * are derived from a {@link KeyedPermutation} of the index, keyed by the seed, so they look random:
 * <ul>
 *   <li>SHA-256: 16 hex digits of {@code perm64(i)}, then 48 digits mixed from those;</li>
 *   <li>domain: four consonant-vowel syllables encoding {@code perm24(i)}, then a TLD;</li>
 *   <li>IPv4: a public first octet drawn from the index, then the three octets of {@code perm24(i)};</li>
 *   <li>URL ({@code host/dir/token.ext}, no scheme): the token is {@code perm32(i)} in base 36;</li>
 *   <li>CVE: {@code CVE-(2015 + i % 10)-(1000 + i / 10)}.</li>
 * </ul>
 * <b>Membership</b> inverts the permutation on the value's encoded part to get a candidate index and accepts it only
 * if regenerating that index yields the same value: a handful of arithmetic operations and one string comparison.
 * Anything else is unknown to the simulator.
 *
 * <p>Same seed, same population; thread-safe and immutable. Other simulators (SEPM) use the accessors so that all
 * simulators tell one story, e.g. {@code population.maliciousFiles(20)} for endpoint file inventories.
 */
public final class SesPopulation {

    public static final long FILES = 1_000_000;
    public static final long MALICIOUS_FILES = 150_000;
    public static final long DOMAINS = 200_000;
    public static final long MALICIOUS_DOMAINS = 60_000;
    public static final long IPS = 100_000;
    public static final long MALICIOUS_IPS = 30_000;
    public static final long URLS = 100_000;
    public static final long MALICIOUS_URLS = 70_000;
    public static final long CVES = 20_000;

    /** Malicious files come in families of this size that share an actor, detections and infrastructure. */
    static final int FAMILY_SIZE = 8;

    private static final String CONSONANTS = "bcdfghjklmnprstv";
    private static final String VOWELS = "aeiou";
    private static final int SYLLABLES = CONSONANTS.length() * VOWELS.length();
    private static final int DOMAIN_SYLLABLES = 4; // 80^4 > 2^24, so every perm24 value has a label
    private static final int[] FIRST_OCTETS = {23, 31, 37, 45, 46, 62, 77, 91, 103, 139, 146, 178, 185, 193, 212, 217};
    private static final int URL_TOKEN_LENGTH = 7; // 36^7 > 2^32

    private final long seed;
    private final KeyedPermutation filePerm;
    private final KeyedPermutation domainPerm;
    private final KeyedPermutation ipPerm;
    private final KeyedPermutation urlPerm;

    public SesPopulation(long seed) {
        this.seed = seed;
        this.filePerm = new KeyedPermutation(64, seed ^ 0x46494C45L);
        this.domainPerm = new KeyedPermutation(24, seed ^ 0x444F4D41L);
        this.ipPerm = new KeyedPermutation(24, seed ^ 0x49505634L);
        this.urlPerm = new KeyedPermutation(32, seed ^ 0x55524C53L);
    }

    public long seed() {
        return seed;
    }

    // ---- typed accessors (public API) ----

    /** File {@code i} of {@link #FILES}; indices below {@link #MALICIOUS_FILES} are malicious. */
    public Sha256 file(long i) {
        return new Sha256(fileSha(i));
    }

    /** Malicious file {@code i} of {@link #MALICIOUS_FILES}. */
    public Sha256 maliciousFile(long i) {
        return new Sha256(fileSha(checkIndex(i, MALICIOUS_FILES)));
    }

    /** Benign file {@code i} of {@code FILES - MALICIOUS_FILES}. */
    public Sha256 benignFile(long i) {
        return new Sha256(fileSha(MALICIOUS_FILES + checkIndex(i, FILES - MALICIOUS_FILES)));
    }

    /** The first {@code n} malicious files. */
    public List<Sha256> maliciousFiles(int n) {
        return range(n, MALICIOUS_FILES, this::maliciousFile);
    }

    /** The first {@code n} benign files. */
    public List<Sha256> benignFiles(int n) {
        return range(n, FILES - MALICIOUS_FILES, this::benignFile);
    }

    /** A file name for file {@code i} as an endpoint inventory would show it, e.g. {@code invoice_4821.exe}. */
    public String fileName(long i) {
        Dice d = new Dice(seed, Streams.FILE_NAME, checkIndex(i, FILES));
        List<String> names = isMaliciousFile(i) ? Vocabulary.MALICIOUS_FILE_NAMES : Vocabulary.BENIGN_FILE_NAMES;
        return d.pick(names) + (isMaliciousFile(i) ? "_" + d.between(100, 9999) : "") + ".exe";
    }

    /** Domain {@code i} of {@link #DOMAINS}; indices below {@link #MALICIOUS_DOMAINS} are malicious. */
    public Domain domain(long i) {
        return new Domain(domainName(i));
    }

    public List<Domain> maliciousDomains(int n) {
        return range(n, MALICIOUS_DOMAINS, this::domain);
    }

    /** IPv4 address {@code i} of {@link #IPS}; indices below {@link #MALICIOUS_IPS} are malicious. */
    public Ipv4 ip(long i) {
        return new Ipv4(ipAddress(i));
    }

    public List<Ipv4> maliciousIps(int n) {
        return range(n, MALICIOUS_IPS, this::ip);
    }

    /**
     * URL {@code i} of {@link #URLS} with an {@code http://} scheme; {@link Url#withoutScheme()} is the form the
     * network endpoints take. Indices below {@link #MALICIOUS_URLS} are malicious.
     */
    public Url url(long i) {
        return new Url("http://" + urlValue(i));
    }

    public List<Url> maliciousUrls(int n) {
        return range(n, MALICIOUS_URLS, this::url);
    }

    /** CVE {@code i} of {@link #CVES}; every population CVE has protection. */
    public Cve cve(long i) {
        return new Cve(cveId(i));
    }

    /** True if the SHA-256 (any case) is a population file. */
    public boolean containsFile(String sha256) {
        return findFile(sha256) >= 0;
    }

    /** True if the SHA-256 (any case) is a malicious population file. */
    public boolean isMaliciousFile(String sha256) {
        long i = findFile(sha256);
        return i >= 0 && isMaliciousFile(i);
    }

    // ---- string generators and membership (package-private: the record writers use indices) ----

    static boolean isMaliciousFile(long i) {
        return i < MALICIOUS_FILES;
    }

    String fileSha(long i) {
        checkIndex(i, FILES);
        long a = filePerm.apply(i);
        var sb = new StringBuilder(64);
        hex16(sb, a);
        hex16(sb, Dice.mix64(a ^ seed ^ 0x1111L));
        hex16(sb, Dice.mix64(a ^ seed ^ 0x2222L));
        hex16(sb, Dice.mix64(a ^ seed ^ 0x3333L));
        return sb.toString();
    }

    /** The file index of a 64-hex-digit SHA-256 (any case), or -1. */
    long findFile(String sha256) {
        if (sha256.length() != 64) return -1;
        long a;
        try {
            a = Long.parseUnsignedLong(sha256, 0, 16, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
        long i = filePerm.invert(a);
        return i >= 0 && i < FILES && fileSha(i).equalsIgnoreCase(sha256) ? i : -1;
    }

    String domainName(long i) {
        long y = domainPerm.apply(checkIndex(i, DOMAINS));
        var sb = new StringBuilder(16);
        for (int k = 0; k < DOMAIN_SYLLABLES; k++) {
            int digit = (int) (y % SYLLABLES);
            y /= SYLLABLES;
            sb.append(CONSONANTS.charAt(digit / VOWELS.length())).append(VOWELS.charAt(digit % VOWELS.length()));
        }
        return sb.append('.').append(new Dice(seed, Streams.TLD, i).pick(Vocabulary.TLDS)).toString();
    }

    /** The domain index of a lower-case domain, or -1. */
    long findDomain(String domain) {
        int dot = domain.indexOf('.');
        if (dot != DOMAIN_SYLLABLES * 2) return -1;
        long y = 0;
        for (int k = DOMAIN_SYLLABLES - 1; k >= 0; k--) {
            int c = CONSONANTS.indexOf(domain.charAt(2 * k));
            int v = VOWELS.indexOf(domain.charAt(2 * k + 1));
            if (c < 0 || v < 0) return -1;
            y = y * SYLLABLES + c * VOWELS.length() + v;
        }
        if (y >= 1L << domainPerm.bits()) return -1;
        long i = domainPerm.invert(y);
        return i < DOMAINS && domainName(i).equals(domain) ? i : -1;
    }

    String ipAddress(long i) {
        checkIndex(i, IPS);
        long y = ipPerm.apply(i);
        return firstOctet(i) + "." + (y >>> 16 & 0xff) + "." + (y >>> 8 & 0xff) + "." + (y & 0xff);
    }

    private int firstOctet(long i) {
        return FIRST_OCTETS[(int) Long.remainderUnsigned(Dice.mix64(seed ^ i), FIRST_OCTETS.length)];
    }

    /** The IP index of a dotted-quad IPv4 address, or -1. The last three octets carry {@code perm24(i)}. */
    long findIp(String ip) {
        int firstDot = ip.indexOf('.');
        if (firstDot < 0) return -1;
        String[] parts = ip.substring(firstDot + 1).split("\\.", -1);
        if (parts.length != 3) return -1;
        try {
            long y = 0;
            for (String part : parts) {
                int octet = Integer.parseInt(part);
                if (octet < 0 || octet > 255) return -1;
                y = y << 8 | octet;
            }
            long i = ipPerm.invert(y);
            return i < IPS && ipAddress(i).equals(ip) ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Malicious URLs live on malicious domains, benign ones on benign domains. */
    String urlValue(long i) {
        checkIndex(i, URLS);
        long host = i < MALICIOUS_URLS ? i % MALICIOUS_DOMAINS
                : MALICIOUS_DOMAINS + i % (DOMAINS - MALICIOUS_DOMAINS);
        Dice d = new Dice(seed, Streams.URL_PATH, i);
        String token = Long.toString(urlPerm.apply(i), 36);
        return domainName(host) + "/" + d.pick(Vocabulary.URL_DIRS) + "/" + "0".repeat(URL_TOKEN_LENGTH - token.length())
                + token + d.pick(Vocabulary.URL_EXTENSIONS);
    }

    /** The URL index of a decoded, scheme-less, lower-case {@code host/path}, or -1. */
    long findUrl(String url) {
        int slash = url.lastIndexOf('/');
        int dot = url.lastIndexOf('.');
        if (slash < 0 || dot != slash + 1 + URL_TOKEN_LENGTH) return -1;
        long y;
        try {
            y = Long.parseLong(url, slash + 1, dot, 36);
        } catch (NumberFormatException e) {
            return -1;
        }
        if (y >= 1L << urlPerm.bits()) return -1;
        long i = urlPerm.invert(y);
        return i < URLS && urlValue(i).equals(url) ? i : -1;
    }

    String cveId(long i) {
        checkIndex(i, CVES);
        return "CVE-" + (2015 + i % 10) + "-" + (1000 + i / 10);
    }

    /** The CVE index of an upper-case CVE id, or -1. */
    long findCve(String cve) {
        if (cve.length() != 13 || !cve.startsWith("CVE-") || cve.charAt(8) != '-') return -1;
        try {
            int year = Integer.parseInt(cve, 4, 8, 10);
            int number = Integer.parseInt(cve, 9, 13, 10);
            long i = (long) (number - 1000) * 10 + (year - 2015);
            return year >= 2015 && year < 2025 && number >= 1000 && i < CVES ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The benign population file standing for a well-known process binary, so chains point at known files. */
    String systemBinary(String processName) {
        long h = Dice.mix64(seed ^ processName.toLowerCase(Locale.ROOT).hashCode());
        return fileSha(MALICIOUS_FILES + Long.remainderUnsigned(h, FILES - MALICIOUS_FILES));
    }

    private static void hex16(StringBuilder sb, long v) {
        String h = Long.toHexString(v);
        for (int k = h.length(); k < 16; k++) sb.append('0');
        sb.append(h);
    }

    private static long checkIndex(long i, long size) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + " not in [0, " + size + ")");
        return i;
    }

    private static <T> List<T> range(int n, long size, java.util.function.LongFunction<T> f) {
        if (n < 0 || n > size) throw new IllegalArgumentException("n must be in [0, " + size + "]: " + n);
        List<T> out = new ArrayList<>(n);
        for (long i = 0; i < n; i++) out.add(f.apply(i));
        return List.copyOf(out);
    }
}
