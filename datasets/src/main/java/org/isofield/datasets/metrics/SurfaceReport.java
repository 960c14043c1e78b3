package org.isofield.datasets.metrics;

import java.util.List;

/**
 * Distances between a reconstruction R and a ground truth G, from {@link SurfaceMetrics}. Distances are in the
 * frame where G's bounding box is centred with longest side 1, between surface samples ({@code d(R->G)} is, for
 * each sample of R, the distance to the nearest sample of G).
 *
 * @param reconSamples samples drawn on R
 * @param gtSamples samples drawn on G
 * @param accuracy mean {@code d(R->G)}
 * @param completeness mean {@code d(G->R)}
 * @param chamferL1 {@code (accuracy + completeness) / 2}
 * @param accuracyL2 mean squared {@code d(R->G)}
 * @param completenessL2 mean squared {@code d(G->R)}
 * @param chamferL2 {@code (accuracyL2 + completenessL2) / 2}
 * @param normalConsistency mean over both directions of {@code |cos|} between a sample's normal and its nearest
 *     neighbour's, in [0, 1] (1 is best); NaN when either side has no normals
 * @param hausdorff the largest {@code d} in either direction
 * @param thresholds the F-score thresholds, in the order given
 * @param precision per threshold {@code t}: the fraction of R's samples with {@code d(R->G) < t}
 * @param recall per threshold {@code t}: the fraction of G's samples with {@code d(G->R) < t}
 * @param fscore per threshold: {@code 2 P R / (P + R)}, 0 when both are 0
 */
public record SurfaceReport(int reconSamples, int gtSamples, double accuracy, double completeness, double chamferL1,
        double accuracyL2, double completenessL2, double chamferL2, double normalConsistency, double hausdorff,
        List<Double> thresholds, List<Double> precision, List<Double> recall, List<Double> fscore) {

    public SurfaceReport {
        thresholds = List.copyOf(thresholds);
        precision = List.copyOf(precision);
        recall = List.copyOf(recall);
        fscore = List.copyOf(fscore);
        if (precision.size() != thresholds.size() || recall.size() != thresholds.size()
                || fscore.size() != thresholds.size()) {
            throw new IllegalArgumentException("precision, recall and fscore need one entry per threshold ("
                    + thresholds.size() + ")");
        }
    }

    /** The F-score at {@code threshold}, which must be one of {@link #thresholds()}. */
    public double fscore(double threshold) {
        return fscore.get(indexOf(threshold));
    }

    private int indexOf(double threshold) {
        int i = thresholds.indexOf(threshold);
        if (i < 0) {
            throw new IllegalArgumentException("threshold " + threshold + " was not evaluated; evaluated: "
                    + thresholds);
        }
        return i;
    }
}
