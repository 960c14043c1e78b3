package org.isofield.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.isofield.core.Reports;
import org.isofield.core.config.Json;
import org.isofield.core.io.AtomicFiles;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.PointClouds;
import org.isofield.datasets.registration.ConfFile;
import org.isofield.datasets.registration.IcpConfig;
import org.isofield.datasets.registration.Overlap;
import org.isofield.datasets.registration.PointToPlaneIcp;
import org.isofield.datasets.registration.RigidTransform;
import org.isofield.datasets.registration.ScanMerge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isofield merge SCAN... --conf FILE.conf -o OUT}: range scans moved by their Stanford {@code .conf} poses,
 * refined by point-to-plane ICP each against the scans before it ({@link ScanMerge}), and written as one cloud, with
 * a line per scan giving its overlap with the earlier ones before and after ICP.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Register range scans and merge them into one cloud: poses from a Stanford .conf file "
            + "(bmesh FILE tx ty tz qx qy qz qw), refined by point-to-plane ICP against the earlier scans.",
            "Prints, per scan, the RMS nearest-neighbour and point-to-plane distances and the share of its points "
                + "in the overlap, before and after ICP."})
final class MergeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "SCAN", arity = "1..*",
            description = "The scans (.ply, .xyz, ...); the first is the reference the others are registered to.")
    List<Path> scans;

    @Option(names = "--conf", paramLabel = "FILE.conf",
            description = "Stanford registration file; each SCAN must be listed (by its path, the conf's names "
                    + "being relative to its folder, or else by its file name). Default: the identity for all.")
    Path conf;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The merged cloud (.ply, .xyz, ...); attributes every scan has are kept.")
    Path out;

    @Option(names = "--no-icp", description = "Only apply the conf poses (and report the overlaps).")
    boolean noIcp;

    @Option(names = "--icp-max-distance", paramLabel = "D",
            description = "Reject ICP pairs farther apart than D (the clouds' units); also the overlap's bound. "
                    + "Default: 5 median point spacings of the earlier scans.")
    Double maxDistance;

    @Option(names = "--icp-iterations", paramLabel = "N", description = "Most ICP updates per scan, 1 to 1000. "
            + "Default: 50.")
    Integer iterations;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Write the poses, overlaps and ICP iterations of each scan.")
    Path report;

    @Override
    public Integer call() {
        CommandLine cl = common.mixee.commandLine();
        for (Path s : scans) {
            InputOptions.existing(cl, s);
        }
        List<RigidTransform> poses = poses(cl);
        IcpConfig config = common.config(() -> {
            IcpConfig c = IcpConfig.DEFAULT;
            c = iterations == null ? c : c.withMaxIterations(iterations);
            return maxDistance == null ? c : c.withMaxDistance(maxDistance);
        });
        OutputOptions.refuseExisting(output.force, out);
        if (report != null) {
            OutputOptions.refuseExisting(output.force, report);
        }
        List<PointCloud> clouds = new ArrayList<>();
        for (Path s : scans) {
            clouds.add(common.phase("read", () -> PointClouds.read(s, input.readOptions(common.progress()))));
        }
        ScanMerge.Result r = common.phase("register", () -> new ScanMerge(config, !noIcp).merge(clouds, poses,
                common.progress()));
        for (ScanMerge.ScanReport s : r.scans()) {
            common.wrote(out, line(s, clouds.get(s.index()).size()));
        }
        if (!r.dropped().isEmpty()) {
            common.wrote(out, "dropped " + String.join(", ", r.dropped()) + " (not on every scan)");
        }
        common.phase("write", () -> PointClouds.write(r.cloud(), out, output.writeOptions(common.progress())));
        if (report != null) {
            AtomicFiles.writeString(report, output.force, Json.write(report(r)) + "\n");
        }
        common.wrote(out, "wrote " + out + " (" + r.cloud().size() + " points from " + scans.size() + " scans)");
        return 0;
    }

    /** The initial pose of each scan: its conf line, or the identity without {@code --conf}. */
    private List<RigidTransform> poses(CommandLine cl) {
        List<RigidTransform> poses = new ArrayList<>();
        if (conf == null) {
            scans.forEach(s -> poses.add(RigidTransform.IDENTITY));
            return poses;
        }
        InputOptions.existing(cl, conf);
        ConfFile file = ConfFile.read(conf);
        for (Path s : scans) {
            poses.add(find(cl, file, s).transform());
        }
        return poses;
    }

    /** The conf line of a scan: by resolved path, else by file name when exactly one line has it. */
    private static ConfFile.Scan find(CommandLine cl, ConfFile file, Path scan) {
        Path want = scan.toAbsolutePath().normalize();
        for (ConfFile.Scan s : file.scans()) {
            if (file.resolve(s).equals(want) || Files.exists(want) && Files.exists(file.resolve(s))
                    && isSameFile(file.resolve(s), want)) {
                return s;
            }
        }
        String name = scan.getFileName().toString();
        List<ConfFile.Scan> byName = file.scans().stream()
                .filter(s -> Path.of(s.name()).getFileName().toString().equals(name)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        throw new CommandLine.ParameterException(cl, scan + " is not listed in " + file.file() + "; listed: "
                + String.join(", ", file.names()));
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private String line(ScanMerge.ScanReport s, int points) {
        String name = scans.get(s.index()).getFileName().toString();
        if (s.before() == null) {
            return name + ": reference, " + points + " points";
        }
        String text = name + ": " + points + " points; before ICP " + overlap(s.before());
        PointToPlaneIcp.Result icp = s.icp();
        if (icp == null) {
            return text + " (no ICP)";
        }
        return text + "; after " + overlap(s.after()) + "; " + icp.updates() + " ICP iterations"
                + (icp.converged() ? "" : " (stopped at the limit, not converged)");
    }

    private static String overlap(Overlap.Result o) {
        return String.format(Locale.ROOT, "rms %.4g, point-to-plane %.4g, overlap %.1f%% within %.4g", o.rms(),
                o.planeRms(), 100 * o.share(), o.distance());
    }

    private Map<String, Object> report(ScanMerge.Result r) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Reports.put(entry, "pose_convention", "p' = R p + t; quaternion_xyzw is R's (Hamilton, scalar last); "
                + "conf_line is the Stanford .conf line of the pose", "conf", conf == null ? null : conf.toString(),
                "output", out.toString(), "output_points", r.cloud().size(), "icp", !noIcp,
                "dropped_attributes", r.dropped());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScanMerge.ScanReport s : r.scans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Reports.put(m, "scan", scans.get(s.index()).toString(), "initial_pose", pose(s.initial()),
                    "pose", pose(s.pose()), "conf_line", ConfFile.line(scans.get(s.index()).getFileName().toString(),
                            s.pose()));
            if (s.before() != null) {
                Reports.put(m, "before", overlapJson(s.before()), "after", overlapJson(s.after()));
            }
            if (s.icp() != null) {
                List<Map<String, Object>> its = new ArrayList<>();
                for (PointToPlaneIcp.Iteration it : s.icp().iterations()) {
                    its.add(Reports.put(new LinkedHashMap<>(), "rms", it.rms(), "inliers", it.inliers()));
                }
                Reports.put(m, "icp_updates", s.icp().updates(), "icp_converged", s.icp().converged(),
                        "icp_max_distance", s.icp().maxDistance(), "icp_iterations", its);
            }
            list.add(m);
        }
        entry.put("scans", list);
        return entry;
    }

    private static Map<String, Object> pose(RigidTransform t) {
        double[] q = t.quaternion();
        return Reports.put(new LinkedHashMap<>(), "translation", new double[] {t.translation().x(),
            t.translation().y(), t.translation().z()}, "quaternion_xyzw", q, "rotation", t.rotation(),
                "angle_degrees", Math.toDegrees(t.angle()));
    }

    private static Map<String, Object> overlapJson(Overlap.Result o) {
        return Reports.put(new LinkedHashMap<>(), "rms", finite(o.rms()), "plane_rms", finite(o.planeRms()),
                "share", o.share(), "points", o.points(), "distance", o.distance());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
