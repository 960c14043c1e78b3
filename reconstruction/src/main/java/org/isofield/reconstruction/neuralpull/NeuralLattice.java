package org.isofield.reconstruction.neuralpull;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.isofield.core.Parallel;
import org.isofield.encodings.Encoding;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.train.NeuralField;
import org.isofield.reconstruction.mc.CellMask;
import org.isofield.reconstruction.mc.FieldFunction;
import org.isofield.reconstruction.mc.LatticeField;
import org.isofield.reconstruction.mc.SampleGrid;

/**
 * A {@link NeuralField} read at the samples of a {@link SampleGrid} in the field's unit cube, for
 * {@link org.isofield.reconstruction.mc.SparseMarchingCubes}. Samples are evaluated in batches a brick of 8^3 at a
 * time and cached: {@link #prefetch} evaluates every brick the seed cells touch in one parallel batch; a brick the
 * surface later runs into is evaluated on first use (under a lock, since the field is not thread-safe). The
 * {@link #gradient} the mesh builder asks for is the trilinear interpolant's (cheap, from cached samples);
 * {@link #fieldGradients} gives the field's own gradient for the final vertex normals.
 */
final class NeuralLattice implements LatticeField {
    static final int BRICK = 8;
    private static final float[] ONE = {1f};

    private final FieldFunction field;
    private final SampleGrid grid;
    private final int bx;
    private final int by;
    private final int bz;
    private final AtomicReferenceArray<float[]> bricks;
    private long evaluated;

    NeuralLattice(NeuralField field, SampleGrid grid) {
        this(field::evaluate, grid);
    }

    /** A lattice over any batch evaluator of the field (a {@link NeuralField}, or its device twin). */
    NeuralLattice(FieldFunction field, SampleGrid grid) {
        this.field = field;
        this.grid = grid;
        this.bx = (grid.nx() + BRICK - 1) / BRICK;
        this.by = (grid.ny() + BRICK - 1) / BRICK;
        this.bz = (grid.nz() + BRICK - 1) / BRICK;
        this.bricks = new AtomicReferenceArray<>(Math.multiplyExact(Math.multiplyExact(bx, by), bz));
    }

    /** Field samples evaluated so far. */
    synchronized long evaluatedSamples() {
        return evaluated;
    }

    /** Evaluates, in one batch, every brick holding a corner of a cell of {@code seeds}. */
    void prefetch(CellMask seeds) {
        boolean[] want = new boolean[bricks.length()];
        int cx = grid.nx() - 1;
        int cy = grid.ny() - 1;
        for (long c : seeds.toArray()) {
            int i = (int) (c % cx);
            int j = (int) (c / cx % cy);
            int k = (int) (c / cx / cy);
            for (int corner = 0; corner < 8; corner++) {
                int b = brickOf(i + (corner & 1), j + (corner >> 1 & 1), k + (corner >> 2 & 1));
                want[b] = true;
            }
        }
        int count = 0;
        for (boolean w : want) {
            count += w ? 1 : 0;
        }
        int[] list = new int[count];
        count = 0;
        for (int b = 0; b < want.length; b++) {
            if (want[b]) {
                list[count++] = b;
            }
        }
        fill(list);
    }

    @Override
    public float value(int i, int j, int k) {
        int b = brickOf(i, j, k);
        float[] brick = bricks.get(b);
        if (brick == null) {
            synchronized (this) {
                brick = bricks.get(b);
                if (brick == null) {
                    fill(new int[] {b});
                    brick = bricks.get(b);
                }
            }
        }
        return brick[i % BRICK + BRICK * (j % BRICK + BRICK * (k % BRICK))];
    }

    @Override
    public void gradient(double x, double y, double z, double[] out) {
        int i = (int) Math.max(0, Math.min(grid.nx() - 2, Math.floor(x)));
        int j = (int) Math.max(0, Math.min(grid.ny() - 2, Math.floor(y)));
        int k = (int) Math.max(0, Math.min(grid.nz() - 2, Math.floor(z)));
        double fx = x - i;
        double fy = y - j;
        double fz = z - k;
        double gx = 0;
        double gy = 0;
        double gz = 0;
        for (int c = 0; c < 8; c++) {
            int dx = c & 1;
            int dy = c >> 1 & 1;
            int dz = c >> 2 & 1;
            double v = value(i + dx, j + dy, k + dz);
            double wx = dx == 1 ? fx : 1 - fx;
            double wy = dy == 1 ? fy : 1 - fy;
            double wz = dz == 1 ? fz : 1 - fz;
            gx += v * (dx == 1 ? 1 : -1) * wy * wz;
            gy += v * (dy == 1 ? 1 : -1) * wx * wz;
            gz += v * (dz == 1 ? 1 : -1) * wx * wy;
        }
        out[0] = gx;
        out[1] = gy;
        out[2] = gz;
    }

    private int brickOf(int i, int j, int k) {
        return i / BRICK + bx * (j / BRICK + by * (k / BRICK));
    }

    /** Evaluates the listed bricks in one batch (the caller holds the lock or runs before extraction). */
    private void fill(int[] list) {
        int per = BRICK * BRICK * BRICK;
        float[] xyz = new float[3 * per * list.length];
        double h = grid.spacing();
        double ox = grid.origin().x();
        double oy = grid.origin().y();
        double oz = grid.origin().z();
        Parallel.forChunks(list.length, 64, (chunk, start, end) -> {
            for (int l = start; l < end; l++) {
                int b = list[l];
                int i0 = b % bx * BRICK;
                int j0 = b / bx % by * BRICK;
                int k0 = b / bx / by * BRICK;
                for (int s = 0; s < per; s++) {
                    int at = 3 * (l * per + s);
                    xyz[at] = (float) (ox + h * (i0 + s % BRICK));
                    xyz[at + 1] = (float) (oy + h * (j0 + s / BRICK % BRICK));
                    xyz[at + 2] = (float) (oz + h * (k0 + s / (BRICK * BRICK)));
                }
            }
        });
        float[] values = new float[per * list.length];
        synchronized (this) {
            field.evaluate(xyz, per * list.length, values);
            evaluated += (long) per * list.length;
        }
        for (int l = 0; l < list.length; l++) {
            float[] brick = new float[per];
            System.arraycopy(values, l * per, brick, 0, per);
            bricks.set(list[l], brick);
        }
    }

    /** The field's spatial gradient (unit-cube frame) at {@code n} unit-cube points, in chunks; writes {@code 3n}. */
    static void fieldGradients(NeuralField field, float[] xyz, int n, float[] out) {
        Encoding enc = field.encoding();
        Network net = field.network();
        int dims = enc.outputDims();
        int chunk = Math.min(n, 1 << 15);
        Network.Workspace ws = net.newWorkspace(chunk);
        float[] in = new float[3 * chunk];
        float[] encoded = new float[chunk * dims];
        float[] value = new float[chunk];
        float[] netGrad = new float[chunk * dims];
        float[] grad = new float[3 * chunk];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            System.arraycopy(xyz, 3 * start, in, 0, 3 * m);
            enc.encode(in, m, encoded);
            net.forwardTrain(encoded, m, ws, value);
            net.inputGradient(encoded, m, ws, ONE, netGrad);
            enc.inputGradient(in, m, netGrad, grad);
            System.arraycopy(grad, 0, out, 3 * start, 3 * m);
        }
    }
}
