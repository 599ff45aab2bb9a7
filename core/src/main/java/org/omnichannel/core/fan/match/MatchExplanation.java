package org.omnichannel.core.fan.match;

import java.util.List;
import java.util.Locale;

/**
 * Why two records were (or were not) taken for one person: each compared attribute's level and
 * its weight, their sum, and the match probability.
 *
 * @param recordId      the record being resolved
 * @param otherRecordId the stored record it was compared with
 * @param fields        one entry per attribute both records know
 * @param weight        the sum of the field weights
 * @param probability   the match probability
 */
public record MatchExplanation(String recordId, String otherRecordId, List<FieldWeight> fields, double weight,
                               double probability) {

    public MatchExplanation {
        fields = List.copyOf(fields);
    }

    /** One comparison's contribution. */
    public record FieldWeight(Comparison comparison, String level, double weight) {
    }

    /** One line: "weight 21.4 (p=1.000) vs r7: GIVEN_NAME exact +4.1, BIRTH_DATE different -6.2, ...". */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "match weight %.1f (p=%.3f) vs %s:", weight,
                probability, otherRecordId));
        String sep = " ";
        for (FieldWeight f : fields) {
            out.append(sep).append(f.comparison()).append(' ').append(f.level())
                    .append(String.format(Locale.ROOT, " %+.1f", f.weight()));
            sep = ", ";
        }
        return out.toString();
    }
}
