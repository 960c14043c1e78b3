package org.isofield.datasets.clean;

import org.isofield.core.Check;

/**
 * Settings of {@link HoleFilling} (otype {@code "HoleFill"}).
 *
 * @param maxHoleEdges boundary loops with at most this many edges are filled; longer ones (the outer boundary of
 *     an open scan) are left open, 3 to 100000 ({@value #DEFAULT_MAX_HOLE_EDGES})
 */
public record HoleFillConfig(int maxHoleEdges) implements CleanStepConfig {
    /** The default edge limit. */
    public static final int DEFAULT_MAX_HOLE_EDGES = 50;
    /** Loops of up to 50 edges. */
    public static final HoleFillConfig DEFAULT = new HoleFillConfig(DEFAULT_MAX_HOLE_EDGES);

    public HoleFillConfig {
        Check.configRange("max_hole_edges", maxHoleEdges, 3, 100_000);
    }

    @Override
    public String otype() {
        return "HoleFill";
    }
}
