package org.isofield.datasets.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isofield.core.Progress;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.geom.PointCloud;

/**
 * Cloud preparation: the steps in order, each its own progress phase ({@code prep.} and the step's otype in snake
 * case), with a report entry per step of what it received, what it removed and what it computed.
 */
public final class CloudPrep {
    private CloudPrep() {
    }

    /**
     * The prepared cloud and the report.
     *
     * @param cloud the cloud after every step
     * @param steps one entry per step: {@code step}, {@code points_in}, {@code points_out}, {@code removed}, and the
     *     step's own details
     */
    public record Result(PointCloud cloud, List<Map<String, Object>> steps) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    /** Runs the steps on the cloud. */
    public static Result run(PointCloud cloud, List<? extends PrepStepConfig> steps, Progress progress) {
        PointCloud current = cloud;
        List<Map<String, Object>> report = new ArrayList<>();
        for (PrepStepConfig config : steps) {
            PrepStep step = PrepSteps.create(config);
            PointCloud in = current;
            PrepStep.Result r = ProgressMeter.stage(progress, "prep." + snake(config.otype()), () -> step.apply(in));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", config.otype());
            entry.put("points_in", in.size());
            entry.put("points_out", r.cloud().size());
            entry.put("removed", in.size() - r.cloud().size());
            entry.putAll(r.details());
            report.add(entry);
            current = r.cloud();
        }
        return new Result(current, report);
    }

    /** {@code StatisticalOutliers} to {@code statistical_outliers}. */
    static String snake(String otype) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < otype.length(); i++) {
            char c = otype.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
