package org.isofield.reconstruction.gridpull;

import java.util.Locale;
import org.isofield.datasets.normals.MstOrientation;
import org.isofield.datasets.normals.PcaNormals;
import org.isofield.reconstruction.gridpull.sign.WindingSign;

/**
 * GridPull's middle stages, each a method returning what the next one needs: the band and its flood-filled sign
 * ({@link #band}, phase {@code gridpull.band}), the sign repair by the winding number ({@link #sign},
 * {@code gridpull.sign}), whether the surface is closed or open ({@link #surface}, {@code gridpull.surface}) and the
 * initial field near the points ({@link #init}, {@code gridpull.init}).
 */
final class SignedBand {
    private static final System.Logger LOG = System.getLogger(GridPull.class.getName());

    private SignedBand() {
    }

    /**
     * The flood-filled band and the points' unoriented PCA normals (computed once: the winding-number check, the rim
     * test and both initialisations start from them).
     */
    record Flooded(BandBuilder.Band band, float[] pca) {
    }

    /**
     * The band after the sign stage.
     *
     * @param band the band, signed again when repaired
     * @param check the winding-number check, or null when it did not run (open surface, or sign repair off)
     */
    record Signed(BandBuilder.Band band, WindingSign.Result check) {
        /** The far samples of a hole's fill, for the optimiser. */
        int[] fillSlots() {
            return check == null ? new int[0] : check.fillSlots();
        }
    }

    /**
     * The surface kind.
     *
     * @param floodInsideSamples samples the flood fill left inside ({@link OpenSurface#insideSamples})
     * @param boundaryPoints rim points, or -1 when the rim test did not run
     */
    record Kind(boolean open, long floodInsideSamples, int boundaryPoints) {
    }

    static Flooded band(CloudFrame.Lattice lattice, GridPullConfig config) {
        BandBuilder.Band band = BandBuilder.build(lattice.points(), lattice.tree(), lattice.samples(),
                config.bandWidth(), lattice.nearDistance());
        return new Flooded(band, PcaNormals.estimate(lattice.points(), lattice.tree()));
    }

    static Signed sign(Flooded flooded, CloudFrame frame, CloudFrame.Lattice lattice, GridPullConfig config) {
        if (config.surface() == Surface.OPEN || !config.signRepair().enabled()) {
            return new Signed(flooded.band(), null);
        }
        float[] spacing = frame.spacing();
        float[] kthCells = new float[spacing.length];
        for (int i = 0; i < spacing.length; i++) {
            kthCells[i] = (float) (spacing[i] * lattice.cells());
        }
        WindingSign.Result check = WindingSign.check(flooded.band(), lattice.points(), lattice.tree(), flooded.pca(),
                kthCells, lattice.nearDistance(), config.signRepair());
        if (!check.repaired()) {
            return new Signed(flooded.band(), check);
        }
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "the flood fill's sides disagree with the "
                + "winding number of the oriented points (a hole let it in: %d bricks and %d of %d probed band "
                + "samples; or a cavity it could not reach: %d bricks and probes); signed by the winding number "
                + "instead", check.leakedBricks(), check.leakedProbes(), check.windingInsideProbes(), check.hollow()));
        return new Signed(check.labelling().apply(lattice.nearDistance()), check);
    }

    static Kind surface(Signed signed, float[] pca, CloudFrame.Lattice lattice, GridPullConfig config) {
        BandBuilder.Band band = signed.band();
        long inside = OpenSurface.insideSamples(band);
        if (config.surface() != Surface.AUTO || OpenSurface.hasInside(band)) {
            return new Kind(config.surface() == Surface.OPEN, inside, -1);
        }
        int n = lattice.points().length / 3;
        int rim = OpenSurface.boundaryPoints(lattice.points(), pca, lattice.tree());
        // in a noisy cloud every neighbourhood has gaps, so the rim test would call any thin closed part open
        // (the noisy sword: 1801 rim points); there auto stays closed and surface=open must be asked for
        boolean open = !OpenSurface.thinButClosed(rim, n) && lattice.thickness() < NoiseEstimate.NOISY_ABOVE;
        if (open) {
            LOG.log(System.Logger.Level.WARNING, String.format(Locale.ROOT, "the flood fill found no inside (%d "
                    + "inside samples for %d near the points) and %d points lie on a rim: reconstructing an open "
                    + "surface (surface: open), trimmed at %s mean point spacings; set surface=closed to refuse open "
                    + "input", inside, band.nearSamples(), rim, config.trimDistance()));
        }
        return new Kind(open, inside, rim);
    }

    /**
     * The initial field near the points, in place: an open sheet's from MST-oriented normals ({@link OpenSurface});
     * a closed surface's from tangent planes ({@link OrientedInit}) when {@code oriented_init} is on.
     *
     * @return the open sheet's number of parts of the normals' neighbour graph, or -1 for a closed surface
     */
    static int init(Signed signed, Kind kind, float[] pca, CloudFrame.Lattice lattice, double[] viewpoint,
            GridPullConfig config) {
        SparseGrid grid = signed.band().grid();
        if (kind.open()) {
            MstOrientation.Oriented oriented = MstOrientation.orient(lattice.points(), pca, lattice.tree(), viewpoint);
            OpenSurface.apply(grid, lattice.points(), pca, lattice.tree());
            return oriented.parts();
        }
        if (config.orientedInit()) {
            OrientedInit.orientByGradient(grid, lattice.points(), pca);
            OrientedInit.apply(grid, signed.band().nearSlots(), lattice.points(), pca, lattice.tree());
        }
        return -1;
    }
}
