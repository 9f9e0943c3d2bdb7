package riposte.simulator.ses;

import java.util.List;

/**
 * A malicious-file family: {@link SesPopulation#FAMILY_SIZE} consecutive malicious files sharing an actor, a
 * detection name, victims and infrastructure (two domains and one IP). Families are what make the related-indicator
 * graph walkable: file → family domains → the family's files, and back.
 *
 * @param index      family number; files {@code index * FAMILY_SIZE …}, domains {@code 2 * index, 2 * index + 1},
 *                   IP {@code index}
 * @param actor      attributed group, or {@code null}
 * @param avName     the AntiVirus detection shared by the family
 * @param countries  top targeted countries
 * @param industries top targeted industries (may hold {@code null})
 * @param reference  a bulletin item id, or {@code null} for none
 * @param description the bulletin description
 */
record Family(long index, String actor, String avName, List<String> countries, List<String> industries,
              String reference, String description) {

    static final long COUNT = SesPopulation.MALICIOUS_FILES / SesPopulation.FAMILY_SIZE;

    static Family of(long seed, long index) {
        Dice d = new Dice(seed, Streams.FAMILY, index);
        String actor = d.chance(0.6) ? d.pick(Vocabulary.ACTORS) : null;
        String av = d.pick(Vocabulary.AV_NAMES);
        List<String> countries = d.distinct(Vocabulary.COUNTRIES, d.between(1, 6));
        List<String> industries = d.distinct(Vocabulary.INDUSTRIES, d.between(1, 4));
        String reference = d.chance(0.35) ? uuid(d) : null;
        return new Family(index, actor, av, countries, industries, reference, d.pick(Vocabulary.REFERENCE_DESCRIPTIONS));
    }

    static Family ofFile(long seed, long fileIndex) {
        return of(seed, fileIndex / SesPopulation.FAMILY_SIZE);
    }

    long firstFile() {
        return index * SesPopulation.FAMILY_SIZE;
    }

    private static String uuid(Dice d) {
        String h = Long.toHexString(d.nextLong() | Long.MIN_VALUE) + Long.toHexString(d.nextLong() | Long.MIN_VALUE);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }
}
