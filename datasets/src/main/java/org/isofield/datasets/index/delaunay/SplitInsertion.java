package org.isofield.datasets.index.delaunay;

import java.util.Arrays;

/**
 * One round of two-sided insertion for {@link Delaunay3d}: the points are split by a plane through their median, each
 * side's points are inserted by its own {@link Inserter} bound to that side (two threads when allowed), and the points
 * either side had to leave are returned. Each inserter touches only tetrahedra with all four vertices on its side
 * ({@link Inserter} says why that is safe), so the result, slot numbers included, is the same on one thread as on two.
 */
final class SplitInsertion {
    /** Fresh slots reserved for each side, per point of the side (a million uniform points make 6.75 each). */
    static final int SLOTS_PER_POINT = 7;

    private SplitInsertion() {
    }

    /**
     * Inserts the points, a round of two sides split across the box's {@code axisRank}-th longest axis; hands the
     * sides' spare slots to {@code all} and returns the points they left, along the Morton curve (they are few
     * and close to the plane, and that order keeps their walks short).
     *
     * @param points stored point indices in insertion order
     */
    static int[] insert(TetStore s, byte[] sideOf, int[] points, int axisRank, boolean parallel, Inserter all) {
        double[] plane = split(s, points, axisRank, sideOf);
        int[] count = new int[2];
        for (int q : points) {
            count[sideOf[q]]++;
        }
        // fresh slots for each side in one block, so that the storage does not move while the sides run
        int base = s.size();
        int mid = base + SLOTS_PER_POINT * count[0] + 1024;
        int top = mid + SLOTS_PER_POINT * count[1] + 1024;
        s.reserve(top);
        Side[] sides = {new Side(s, sideOf, 0, base, mid, points), new Side(s, sideOf, 1, mid, top, points)};
        for (Side side : sides) {
            side.inserter.plane((int) plane[0], plane[1], plane[2]);
        }
        if (parallel) {
            Thread other = new Thread(sides[1], "delaunay-side-1");
            other.setDaemon(true);
            other.start();
            sides[0].run();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while triangulating", e);
            }
        } else {
            sides[0].run();
            sides[1].run();
        }
        int[] left = new int[sides[0].leftCount + sides[1].leftCount];
        for (Side side : sides) {
            if (side.failure != null) {
                throw side.failure;
            }
            int[] spare = side.inserter.releaseSlots();
            all.addFree(spare, spare.length);
        }
        System.arraycopy(sides[0].left, 0, left, 0, sides[0].leftCount);
        System.arraycopy(sides[1].left, 0, left, sides[0].leftCount, sides[1].leftCount);
        left = SpatialOrder.alongCurve(s.points, left, s.lo, s.hi);
        all.restart(s.anyLive());
        return left;
    }

    /**
     * Puts every stored point on a side of the plane across the given axis through the median of {@code points};
     * returns the axis, the plane's coordinate and a margin of a few mean spacings ("away from the plane").
     */
    private static double[] split(TetStore s, int[] points, int axisRank, byte[] sideOf) {
        int n = s.pointCount;
        double[] lo = s.lo;
        double[] hi = s.hi;
        Integer[] axes = {0, 1, 2};
        Arrays.sort(axes, (a, b) -> Double.compare(hi[b] - lo[b], hi[a] - lo[a]));
        int axis = axes[axisRank % 3];
        int stride = Math.max(1, points.length / 65_536);
        double[] sample = new double[(points.length + stride - 1) / stride];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = s.points[3 * points[i * stride] + axis];
        }
        Arrays.sort(sample);
        double plane = sample[sample.length / 2];
        for (int i = 0; i < n; i++) {
            sideOf[i] = (byte) (s.points[3 * i + axis] < plane ? 0 : 1);
        }
        double margin = 4 * (hi[axis] - lo[axis]) / Math.cbrt(n);
        return new double[] {axis, plane, margin};
    }

    /** The insertion of one side's points, and the points it left. */
    private static final class Side implements Runnable {
        final Inserter inserter;
        private final byte[] sideOf;
        private final int side;
        private final int[] points;
        private final boolean started;
        int[] left = new int[64];
        int leftCount;
        RuntimeException failure;

        Side(TetStore s, byte[] sideOf, int side, int from, int to, int[] points) {
            int start = s.ownTetrahedron(sideOf, side);
            this.inserter = new Inserter(s, sideOf, side, from, to, Math.max(0, start));
            this.sideOf = sideOf;
            this.side = side;
            this.points = points;
            this.started = start >= 0;
        }

        @Override
        public void run() {
            try {
                for (int q : points) {
                    if (sideOf[q] == side && (!started || !inserter.insert(q))) {
                        if (leftCount == left.length) {
                            left = Arrays.copyOf(left, 2 * leftCount);
                        }
                        left[leftCount++] = q;
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
