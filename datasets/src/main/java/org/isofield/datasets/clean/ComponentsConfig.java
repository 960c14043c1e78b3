package org.isofield.datasets.clean;

import org.isofield.core.Check;

/**
 * Settings of {@link Components} (otype {@code "Components"}). A component is kept when it passes both tests.
 *
 * @param keepLargest keep the largest this many components by area, 0 to 1000000000 (1; 0: no count limit)
 * @param minAreaShare keep the components with at least this share of the mesh's total area, 0 to 1 (0: no
 *     area limit)
 */
public record ComponentsConfig(int keepLargest, double minAreaShare) implements CleanStepConfig {
    /** The largest component only. */
    public static final ComponentsConfig DEFAULT = new ComponentsConfig(1, 0.0);

    public ComponentsConfig {
        Check.configRange("keep_largest", keepLargest, 0, 1_000_000_000);
        Check.configRange("min_area_share", minAreaShare, 0.0, 1.0);
    }

    @Override
    public String otype() {
        return "Components";
    }
}
