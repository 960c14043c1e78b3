package org.isofield.reconstruction.mc;

/**
 * Options of {@link MarchingCubes}.
 *
 * @param closeBoundary whether the grid is padded by one layer of samples with a positive value (the grid spacing) on
 *     every side, so a zero set that leaves the domain is closed along the domain's faces and the output is always
 *     watertight; without it, surfaces crossing the domain boundary stay open there
 */
public record MarchingCubesConfig(boolean closeBoundary) {
    /** Closes the boundary. */
    public static final MarchingCubesConfig DEFAULT = new MarchingCubesConfig(true);
}
