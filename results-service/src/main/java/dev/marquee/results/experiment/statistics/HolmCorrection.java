package dev.marquee.results.experiment.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment (Holm 1979), controlling the family-wise error rate over the variants compared with
 * the baseline: sorted ascending, p₍ᵢ₎ becomes min(1, maxⱼ≤ᵢ (m − j + 1) p₍ⱼ₎), so adjusted values keep the order of
 * the raw ones. With one comparison nothing changes.
 */
public final class HolmCorrection {

    private HolmCorrection() {
    }

    /** Adjusted p-values, in the order given. */
    public static List<Double> adjust(List<Double> pValues) {
        int m = pValues.size();
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + p);
            }
        }
        int[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(pValues::get))
                .mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[m];
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues.get(index)));
            adjusted[index] = runningMax;
        }
        List<Double> result = new ArrayList<>(m);
        for (double p : adjusted) {
            result.add(p);
        }
        return List.copyOf(result);
    }
}
