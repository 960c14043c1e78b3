package org.isofield.fields.train;

import org.isofield.encodings.Encoding;
import org.isofield.fields.loss.Eikonal;
import org.isofield.fields.mlp.Network;

/**
 * The eikonal part of a {@link Trainer} step: {@code lambda mean_j (|grad_p f(p_j)| - 1)^2} over {@code k} samples
 * spread evenly over the batch ({@code j n / k}, so the batch's mix of surface, near-surface and uniform samples is
 * kept), with its gradient added to both parameter gradients. The chain, for {@code f(p) = net(e(p))}:
 * <pre>
 *   g = d net / dx (network input gradient),   G = J^T g (encoding input gradient),   v = dL/dG (Eikonal)
 *   network:  u . dg/dtheta with u = J v (encoding Jacobian-vector product), and dL/dx = H u
 *   encoding: v . d(J^T g)/dphi (its second-order term), then its usual backward of dL/dx
 * </pre>
 * The subset runs its own forward pass on a second network workspace, so the data loss's pass is left untouched.
 * Cost: about one forward, one first-order and one second-order (about three first-order) network pass on {@code k}
 * samples, plus the encoding's passes on them. Not thread-safe.
 */
final class EikonalTerm {
    private static final float[] ONE = {1f};

    private final double weight;
    private final double fraction;
    private Network.Workspace workspace;
    private int size = -1;
    private float[] pos;
    private float[] enc;
    private float[] pred;
    private float[] netGrad;
    private float[] spaceGrad;
    private float[] v;
    private float[] u;
    private float[] dIn;

    EikonalTerm(double weight, double fraction) {
        this.weight = weight;
        this.fraction = fraction;
    }

    /** Samples of a batch of {@code n} the term uses: {@code round(fraction n)}, at least 1, at most {@code n}. */
    int sampleCount(int n) {
        return (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
    }

    /**
     * Adds the term's gradients to {@code encodingGrad} and {@code networkGrad} and returns its value.
     *
     * @param xyz the batch's positions ({@code 3n})
     * @param encoded the batch's encoded features ({@code n x encoding.outputDims()})
     */
    double accumulate(Encoding encoding, Network network, float[] xyz, float[] encoded, int n, float[] encodingGrad,
                      float[] networkGrad) {
        int k = sampleCount(n);
        int dims = encoding.outputDims();
        ensure(network, k, dims);
        for (int j = 0; j < k; j++) {
            int i = (int) ((long) j * n / k);
            System.arraycopy(xyz, 3 * i, pos, 3 * j, 3);
            System.arraycopy(encoded, i * dims, enc, j * dims, dims);
        }
        network.forwardTrain(enc, k, workspace, pred);
        network.inputGradient(enc, k, workspace, ONE, netGrad);
        encoding.inputGradient(pos, k, netGrad, spaceGrad);
        double value = Eikonal.evaluate(spaceGrad, k, 3, weight, v);
        if (!Double.isFinite(value)) {
            return value;
        }
        encoding.jacobianVectorProduct(pos, k, v, u);
        encoding.backwardInputGradient(pos, k, netGrad, v, encodingGrad);
        network.backwardInputGradient(enc, k, workspace, ONE, u, null, networkGrad, dIn);
        encoding.backward(pos, k, dIn, encodingGrad);
        return value;
    }

    private void ensure(Network network, int k, int dims) {
        if (k == size) {
            return;
        }
        workspace = network.newWorkspace(k);
        pos = new float[3 * k];
        enc = new float[k * dims];
        pred = new float[k * network.outputDims()];
        netGrad = new float[k * dims];
        spaceGrad = new float[3 * k];
        v = new float[3 * k];
        u = new float[k * dims];
        dIn = new float[k * dims];
        size = k;
    }
}
