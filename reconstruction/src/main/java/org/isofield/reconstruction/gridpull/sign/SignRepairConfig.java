package org.isofield.reconstruction.gridpull.sign;

import org.isofield.core.Check;
import org.isofield.core.ConfigException;

/**
 * Settings of GridPull's sign repair ({@link WindingSign}), the {@code sign_repair} block of a GridPull config, e.g.
 * {@code "sign_repair": {"enabled": false}} or {@code --set sign_repair.leak_winding=0.85}. The defaults, and the
 * shapes that fixed each of them, are in docs/decisions/gridpull-sign-repair.md.
 *
 * @param enabled whether the flood fill's sides are checked against the winding number at all; off, the flood fill's
 *     sign stands (a scan with holes wider than the band then loses its inside)
 * @param leakWinding winding number above which a brick or probe is surely inside (detection, the interior's seeds,
 *     the least median of a kept leak region), 0.5 to 1
 * @param insideWinding winding number above which a sample is inside (repair), between {@code cavity_winding} and
 *     {@code leak_winding}
 * @param cavityWinding winding number below which a brick or probe is surely outside (cavities, the outside's seeds),
 *     0 to 0.5
 * @param minLeakedBricks leaked bricks that trigger a repair (also as many hollow ones for a cavity), 1 or more
 * @param minLeakedProbes leaked probes of far band samples that trigger a repair, 1 or more
 * @param minLeakedFraction and the share of the winding-inside bricks (or probes) they must make, 0 to 1
 * @param probeStride every this many far band samples is probed, 1 to 1024
 * @param maxFillFraction a hole's fill adds at most this fraction of the stored bricks, 0 to 10
 * @param minShellFraction parts (and point flips together) under this fraction of the points keep their
 *     orientation when cavity shells are turned inward ({@link ShellNesting}), 0 to 1
 * @param sideDistance the side probes of the point rule lie this many median 8th-neighbour distances from each
 *     point, above 0 to 100
 * @param voteNeighbours the point rule's majority vote runs over this many nearest points (itself included), 1 to 256
 * @param minJump below this median jump of the winding number across the points the normals count as having no
 *     consistent inside, and nothing is turned or rescaled, 0 to 1
 */
public record SignRepairConfig(boolean enabled, double leakWinding, double insideWinding, double cavityWinding,
        int minLeakedBricks, int minLeakedProbes, double minLeakedFraction, int probeStride, double maxFillFraction,
        double minShellFraction, double sideDistance, int voteNeighbours, double minJump) {
    /** The measured defaults (docs/decisions/gridpull-sign-repair.md). */
    public static final SignRepairConfig DEFAULT = new SignRepairConfig(true, 0.8, 0.5, 0.2, 8, 64, 0.3, 4, 0.25, 0.01,
            2, 13, 0.25);

    public SignRepairConfig {
        Check.configRange("sign_repair.leak_winding", leakWinding, 0.5, 1.0);
        Check.configRange("sign_repair.cavity_winding", cavityWinding, 0.0, 0.5);
        if (!(insideWinding > cavityWinding && insideWinding < leakWinding)) {
            throw new ConfigException("sign_repair.inside_winding", "found " + insideWinding + "; expected a number "
                    + "between cavity_winding (" + cavityWinding + ") and leak_winding (" + leakWinding + ")");
        }
        Check.configRange("sign_repair.min_leaked_bricks", minLeakedBricks, 1, Integer.MAX_VALUE);
        Check.configRange("sign_repair.min_leaked_probes", minLeakedProbes, 1, Integer.MAX_VALUE);
        Check.configRange("sign_repair.min_leaked_fraction", minLeakedFraction, 0.0, 1.0);
        Check.configRange("sign_repair.probe_stride", probeStride, 1, 1024);
        Check.configRange("sign_repair.max_fill_fraction", maxFillFraction, 0.0, 10.0);
        Check.configRange("sign_repair.min_shell_fraction", minShellFraction, 0.0, 1.0);
        Check.configRange("sign_repair.side_distance", sideDistance, 1e-6, 100.0);
        Check.configRange("sign_repair.vote_neighbours", voteNeighbours, 1, 256);
        Check.configRange("sign_repair.min_jump", minJump, 0.0, 1.0);
    }
}
