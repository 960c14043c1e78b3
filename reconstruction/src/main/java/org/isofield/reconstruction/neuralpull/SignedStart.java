package org.isofield.reconstruction.neuralpull;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.isofield.core.ProgressMeter;
import org.isofield.datasets.index.kdtree.KdTree;
import org.isofield.encodings.Encoding;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.optim.Optimizer;
import org.isofield.fields.optim.OptimizerConfig;
import org.isofield.fields.optim.Optimizers;
import org.isofield.fields.optim.ParameterGroup;
import org.isofield.fields.train.BatchSource;
import org.isofield.fields.train.NeuralField;

/**
 * The signed start: before pulling, the field is fitted (L2, first order, its own fresh optimizers) to a rough signed
 * distance of the cloud, {@code +d} outside and {@code -d} inside with {@code d} the distance to the nearest point.
 * Inside and outside come from a voxel flood fill: voxels of edge {@code voxel} holding a point, grown by one voxel,
 * form a shell; the empty voxels reached from the border of the unit cube are outside, the others inside, and each
 * shell voxel goes to the side fewer voxel steps away, so the start's zero set runs through the middle of the shell,
 * near the points.
 *
 * <p>Why: the pull loss only constrains {@code f(q) grad f(q) / |grad f(q)|}, which {@code (f, grad f) -> (-f,
 * -grad f)} leaves unchanged, so pulling alone cannot tell inside from outside (a field {@code -|d|} pulls as well
 * as {@code d} and has no zero crossing). Neural-Pull gets the sign from the geometric initialisation of its MLP (a
 * sphere); a sphere is a poor start for a hash grid, which keeps it far from the queries (its zero set stays where
 * no query reaches, and meets the shape where the sphere crosses it), so this start is shaped like the cloud. It fails
 * like GridPull's sign rule: a gap in the sampling wider than the shell lets the outside in (the mesh then has two
 * sheets around the points), and an open scan has no inside. Deterministic for a seed.
 */
final class SignedStart {
    private SignedStart() {
    }

    /** Inside/outside voxels of a cloud in the unit cube. */
    static final class Occupancy {
        final int n;
        final double voxel;
        final boolean[] outside;
        final int insideVoxels;

        Occupancy(int n, double voxel, boolean[] outside, int insideVoxels) {
            this.n = n;
            this.voxel = voxel;
            this.outside = outside;
            this.insideVoxels = insideVoxels;
        }

        boolean isOutside(double x, double y, double z) {
            int i = clamp(x);
            int j = clamp(y);
            int k = clamp(z);
            return outside[i + n * (j + n * k)];
        }

        private int clamp(double c) {
            return (int) Math.max(0, Math.min(n - 1, Math.floor(c / voxel)));
        }
    }

    /** Voxelises {@code points} (unit cube) at about {@code voxel} per edge (at most 256 voxels a side). */
    static Occupancy occupancy(float[] points, double voxel) {
        int n = (int) Math.max(8, Math.min(256, Math.ceil(1 / voxel)));
        double e = 1.0 / n;
        boolean[] shell = new boolean[n * n * n];
        for (int p = 0; p < points.length / 3; p++) {
            int i = (int) Math.min(n - 1, Math.max(0, Math.floor(points[3 * p] / e)));
            int j = (int) Math.min(n - 1, Math.max(0, Math.floor(points[3 * p + 1] / e)));
            int k = (int) Math.min(n - 1, Math.max(0, Math.floor(points[3 * p + 2] / e)));
            for (int dk = -1; dk <= 1; dk++) {
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int a = i + di;
                        int b = j + dj;
                        int c = k + dk;
                        if (a >= 0 && b >= 0 && c >= 0 && a < n && b < n && c < n) {
                            shell[a + n * (b + n * c)] = true;
                        }
                    }
                }
            }
        }
        boolean[] outside = new boolean[n * n * n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    boolean border = i == 0 || j == 0 || k == 0 || i == n - 1 || j == n - 1 || k == n - 1;
                    int v = i + n * (j + n * k);
                    if (border && !shell[v]) {
                        outside[v] = true;
                        queue.add(v);
                    }
                }
            }
        }
        int[] step = {1, -1, n, -n, n * n, -n * n};
        while (!queue.isEmpty()) {
            int v = queue.poll();
            int i = v % n;
            int j = v / n % n;
            int k = v / (n * n);
            for (int s = 0; s < 6; s++) {
                boolean ok = switch (s) {
                    case 0 -> i < n - 1;
                    case 1 -> i > 0;
                    case 2 -> j < n - 1;
                    case 3 -> j > 0;
                    case 4 -> k < n - 1;
                    default -> k > 0;
                };
                int w = v + step[s];
                if (ok && !shell[w] && !outside[w]) {
                    outside[w] = true;
                    queue.add(w);
                }
            }
        }
        int inside = 0;
        for (int v = 0; v < outside.length; v++) {
            inside += !outside[v] && !shell[v] ? 1 : 0;
        }
        // split the shell between the two sides: a shell voxel is outside when the outside is fewer steps away
        int[] fromOutside = shellDistance(n, shell, outside, true);
        int[] fromInside = shellDistance(n, shell, outside, false);
        for (int v = 0; v < outside.length; v++) {
            if (shell[v] && fromOutside[v] < fromInside[v]) {
                outside[v] = true;
            }
        }
        return new Occupancy(n, e, outside, inside);
    }

    /**
     * Steps (6-neighbour) from each shell voxel to the nearest outside voxel ({@code fromOutside}) or to the nearest
     * inside, non-shell voxel; {@code Integer.MAX_VALUE} where none is reachable through the shell.
     */
    private static int[] shellDistance(int n, boolean[] shell, boolean[] outside, boolean fromOutside) {
        int[] dist = new int[shell.length];
        Arrays.fill(dist, Integer.MAX_VALUE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int v = 0; v < shell.length; v++) {
            boolean source = fromOutside ? outside[v] : !outside[v] && !shell[v];
            if (source) {
                dist[v] = 0;
                queue.add(v);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            int i = v % n;
            int j = v / n % n;
            int k = v / (n * n);
            int[] next = {i < n - 1 ? v + 1 : -1, i > 0 ? v - 1 : -1, j < n - 1 ? v + n : -1, j > 0 ? v - n : -1,
                k < n - 1 ? v + n * n : -1, k > 0 ? v - n * n : -1};
            for (int w : next) {
                if (w >= 0 && shell[w] && dist[w] == Integer.MAX_VALUE) {
                    dist[w] = dist[v] + 1;
                    queue.add(w);
                }
            }
        }
        return dist;
    }

    /**
     * Fits the field to the signed distance for {@code steps} steps of {@code batch} samples: half uniform in the unit
     * cube, half input points plus Gaussian noise of {@code spread} per axis. Returns the last step's mean squared
     * error.
     */
    static double fit(NeuralField field, OptimizerConfig optimizer, float[] points, KdTree tree, Occupancy occ,
                      double spread, int steps, int batch, long seed, ProgressMeter meter) {
        Encoding enc = field.encoding();
        Network net = field.network();
        Optimizer encOpt = Optimizers.create(optimizer,
                List.of(ParameterGroup.of("encoding", 0, enc.paramCount(), ParameterGroup.Kind.GRID)),
                enc.paramCount());
        Optimizer netOpt = Optimizers.create(optimizer, net.parameterGroups(), net.paramCount());
        int dims = enc.outputDims();
        Network.Workspace ws = net.newWorkspace(batch);
        float[] pos = new float[3 * batch];
        float[] d2 = new float[batch];
        float[] encoded = new float[batch * dims];
        float[] out = new float[batch];
        float[] dOut = new float[batch];
        float[] dEnc = new float[batch * dims];
        float[] encGrad = new float[enc.paramCount()];
        float[] netGrad = new float[net.paramCount()];
        SplittableRandom rnd = random(seed);
        double mse = Double.NaN;
        for (int s = 0; s < steps; s++) {
            draw(rnd, points, spread, pos, batch);
            tree.nearest(pos, null, d2);
            enc.encode(pos, batch, encoded);
            net.forwardTrain(encoded, batch, ws, out);
            double sum = 0;
            for (int i = 0; i < batch; i++) {
                double target = target(occ, pos, d2, i);
                double e = out[i] - target;
                sum += e * e;
                dOut[i] = (float) (2 * e / batch);
            }
            mse = sum / batch;
            Arrays.fill(encGrad, 0f);
            Arrays.fill(netGrad, 0f);
            net.backward(encoded, batch, ws, dOut, netGrad, dEnc);
            enc.backward(pos, batch, dEnc, encGrad);
            encOpt.step(enc.params(), encGrad);
            netOpt.step(net.params(), netGrad);
            meter.step();
        }
        return mse;
    }

    /** The stream of the start's batches. */
    static SplittableRandom random(long seed) {
        return new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    }

    /** One batch of positions: even samples uniform in the cube, odd ones input points plus noise of {@code spread}. */
    static void draw(SplittableRandom rnd, float[] points, double spread, float[] pos, int batch) {
        int np = points.length / 3;
        for (int i = 0; i < batch; i++) {
            if (i % 2 == 0) {
                for (int a = 0; a < 3; a++) {
                    pos[3 * i + a] = (float) rnd.nextDouble();
                }
            } else {
                int p = rnd.nextInt(np);
                for (int a = 0; a < 3; a++) {
                    double x = points[3 * p + a] + spread * rnd.nextGaussian();
                    pos[3 * i + a] = (float) Math.max(0, Math.min(1, x));
                }
            }
        }
    }

    /** The rough signed distance of sample {@code i}: the distance to the nearest point, negative inside. */
    static double target(Occupancy occ, float[] pos, float[] d2, int i) {
        double d = Math.sqrt(d2[i]);
        return occ.isOutside(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]) ? d : -d;
    }

    /** The start's batches as a batch source (targets rounded to float), the same draws as {@link #fit}. */
    static BatchSource batches(float[] points, KdTree tree, Occupancy occ, double spread,
                                                        int batch, long seed) {
        SplittableRandom rnd = random(seed);
        float[] d2 = new float[batch];
        return new BatchSource() {
            @Override
            public int batchSize() {
                return batch;
            }

            @Override
            public void next(float[] pos, float[] targets) {
                draw(rnd, points, spread, pos, batch);
                tree.nearest(pos, null, d2);
                for (int i = 0; i < batch; i++) {
                    targets[i] = (float) target(occ, pos, d2, i);
                }
            }
        };
    }
}
