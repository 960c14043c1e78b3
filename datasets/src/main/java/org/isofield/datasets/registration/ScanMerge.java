package org.isofield.datasets.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.isofield.core.Progress;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.datasets.normals.PcaNormals;

/**
 * Merges range scans into one cloud: each scan is moved by its initial pose (a {@code .conf} line, or the identity),
 * then, scan by scan, refined by {@link PointToPlaneIcp} against the union of the scans before it, as in sequential
 * registration of a turntable series; the first scan stays fixed and is the reference frame. For each later scan
 * the {@link Overlap} with that union is measured before and after ICP, with the overlap distance equal to ICP's
 * rejection distance, so the overlap is exactly the set of points ICP uses.
 *
 * <p>The normals ICP needs are each scan's own (rotated with it) or, when it has none, estimated by
 * {@link PcaNormals} on the scan alone, where its sampling is regular. They serve only the registration: the merged
 * cloud carries the attributes every input has (normals, colours, named scalars), concatenated in input order.
 */
public final class ScanMerge {
    /**
     * One scan's registration.
     *
     * @param index its position in the input, 0 for the reference
     * @param initial its initial pose
     * @param pose its final pose (equal to {@code initial} without ICP)
     * @param before its overlap with the earlier scans at the initial pose (null for the reference)
     * @param after the same at the final pose (null for the reference)
     * @param icp the ICP run (null for the reference or without ICP)
     */
    public record ScanReport(int index, RigidTransform initial, RigidTransform pose, Overlap.Result before,
            Overlap.Result after, PointToPlaneIcp.Result icp) {
    }

    /**
     * The merged cloud and a report per scan.
     *
     * @param cloud all scans, moved, concatenated in input order
     * @param scans one report per input scan
     * @param dropped attributes present on only some scans and therefore left out of {@code cloud}
     */
    public record Result(PointCloud cloud, List<ScanReport> scans, List<String> dropped) {
    }

    private final IcpConfig config;
    private final boolean icp;

    /**
     * @param config the ICP settings (also giving the overlap distance)
     * @param icp whether to refine the initial poses; without, only the overlaps are measured
     */
    public ScanMerge(IcpConfig config, boolean icp) {
        this.config = Objects.requireNonNull(config, "config");
        this.icp = icp;
    }

    /** Merges with ICP at its defaults. */
    public static Result merge(List<PointCloud> scans, List<RigidTransform> poses) {
        return new ScanMerge(IcpConfig.DEFAULT, true).merge(scans, poses, Progress.NONE);
    }

    /**
     * Registers and merges.
     *
     * @param scans at least one scan, each with at least 6 points
     * @param poses one initial pose per scan, mapping its coordinates into the common frame
     */
    public Result merge(List<PointCloud> scans, List<RigidTransform> poses, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        if (scans.isEmpty() || scans.size() != poses.size()) {
            throw new IllegalArgumentException(scans.size() + " scans and " + poses.size() + " poses; expected one "
                    + "pose per scan and at least one scan");
        }
        List<ScanReport> reports = new ArrayList<>();
        List<PointCloud> placed = new ArrayList<>();
        List<PointCloud> union = new ArrayList<>();
        for (int k = 0; k < scans.size(); k++) {
            PointCloud scan = scans.get(k);
            if (scan.size() < 6) {
                throw new IllegalArgumentException("scan " + k + " has " + scan.size() + " points; expected at "
                        + "least 6 to register it");
            }
            RigidTransform initial = poses.get(k);
            PointCloud withNormals = scan.hasNormals() ? scan
                    : scan.withNormals(PcaNormals.estimate(scan.positions(), KdTree.build(scan),
                            config.normalNeighbors()));
            if (k == 0) {
                reports.add(new ScanReport(0, initial, initial, null, null, null));
                placed.add(initial.apply(scan));
                union.add(initial.apply(withNormals));
                continue;
            }
            PointCloud target = union.size() == 1 ? union.get(0) : CloudConcat.concat(union);
            PointToPlaneIcp aligner = new PointToPlaneIcp(target, config);
            double distance = aligner.maxDistance();
            Overlap.Result before = Overlap.measure(target, aligner.tree(), aligner.targetNormals(),
                    initial.apply(scan), distance);
            PointToPlaneIcp.Result run = null;
            RigidTransform pose = initial;
            if (icp) {
                int scanIndex = k;
                int count = scans.size() - 1;
                run = aligner.align(withNormals, initial,
                        (phase, f) -> progress.report("icp", (scanIndex - 1 + f) / count));
                pose = run.transform();
            }
            PointCloud moved = pose.apply(scan);
            Overlap.Result after = icp ? Overlap.measure(target, aligner.tree(), aligner.targetNormals(), moved,
                    distance) : before;
            reports.add(new ScanReport(k, initial, pose, before, after, run));
            placed.add(moved);
            union.add(pose.apply(withNormals));
        }
        List<String> dropped = new ArrayList<>();
        PointCloud merged = placed.size() == 1 ? placed.get(0) : CloudConcat.concat(placed, dropped);
        return new Result(merged, List.copyOf(reports), List.copyOf(dropped));
    }
}
