package org.isofield.reconstruction.neuralpull;

import java.util.Objects;
import org.isofield.encodings.Encoding;
import org.isofield.fields.loss.Eikonal;
import org.isofield.fields.mlp.Network;
import org.isofield.fields.train.NeuralField;

/**
 * The pull loss of Neural-Pull and its exact gradient with respect to both parameter blocks of a
 * {@link NeuralField}. For queries {@code q_i} with targets {@code t_i} (their nearest input points):
 * <pre>
 *   s = f(q),  G = grad_q f = J^T g  (g: network input gradient, J: encoding Jacobian),  n = G / |G|
 *   p = q - s n  (the pulled query),  r = p - t,  L = mean_i |r_i|  (+ lambda mean_i (|G_i| - 1)^2)
 *                                                              (+ mu mean_i f(t_i)^2, the surface term)
 *   dL/ds = -a . n,   dL/dG = -(s / |G|) (a - (a . n) n),   a = dL/dp = r / (|r| N)
 * </pre>
 * {@code dL/ds} is a first-order output gradient and {@code v = dL/dG} a loss on the spatial gradient, so the backward
 * is the eikonal chain of {@link Network}: {@code u = J v} (encoding JVP), the encoding's second-order term
 * {@code v . d(J^T g)/dphi}, the network's second-order pass with {@code u} and {@code dL/ds} together (it writes
 * {@code dL/dx}), then the encoding's first-order backward of {@code dL/dx}. Nothing is stopped: the direction
 * {@code n} is differentiated too. Queries where {@code |G| = 0} contribute only through {@code s}, and those where
 * {@code r = 0} not at all. The optional surface term (GridPull's, not Neural-Pull's) is first order, on its own
 * forward pass at the targets.
 *
 * <p>Positions are in the field's unit cube. Not thread-safe (scratch buffers); each pass runs in parallel inside.
 */
final class PullLoss {
    private static final float[] ONE = {1f};
    private static final double TINY = 1e-12;

    private final NeuralField field;
    private final double eikonalWeight;
    private final double surfaceWeight;
    private Network.Workspace workspace;
    private Network.Workspace surfaceWorkspace;
    private float[] tEnc;
    private float[] tValue;
    private float[] tdValue;
    private int size = -1;
    private float[] enc;
    private float[] value;
    private float[] netGrad;
    private float[] grad;
    private float[] dValue;
    private float[] v;
    private float[] vEikonal;
    private float[] u;
    private float[] dIn;

    PullLoss(NeuralField field, double eikonalWeight, double surfaceWeight) {
        this.field = Objects.requireNonNull(field, "field");
        this.eikonalWeight = eikonalWeight;
        this.surfaceWeight = surfaceWeight;
    }

    /** The pull loss alone (no eikonal term) of {@code n} queries, without gradients. */
    double pullLoss(float[] q, float[] t, int n) {
        forward(q, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.sqrt(residual2(q, t, i));
        }
        return sum / n;
    }

    /**
     * The loss (pull term plus eikonal term) of {@code n} queries; adds its gradient to {@code encodingGrad} and
     * {@code networkGrad}.
     *
     * @return {@code [total, pull]}
     */
    double[] accumulate(float[] q, float[] t, int n, float[] encodingGrad, float[] networkGrad) {
        Encoding encoding = field.encoding();
        Network network = field.network();
        forward(q, n);
        double pull = 0;
        for (int i = 0; i < n; i++) {
            double gx = grad[3 * i];
            double gy = grad[3 * i + 1];
            double gz = grad[3 * i + 2];
            double norm = Math.sqrt(gx * gx + gy * gy + gz * gz);
            double s = value[i];
            double nx = norm > TINY ? gx / norm : 0;
            double ny = norm > TINY ? gy / norm : 0;
            double nz = norm > TINY ? gz / norm : 0;
            double rx = q[3 * i] - s * nx - t[3 * i];
            double ry = q[3 * i + 1] - s * ny - t[3 * i + 1];
            double rz = q[3 * i + 2] - s * nz - t[3 * i + 2];
            double len = Math.sqrt(rx * rx + ry * ry + rz * rz);
            pull += len;
            double ax = len > TINY ? rx / (len * n) : 0;
            double ay = len > TINY ? ry / (len * n) : 0;
            double az = len > TINY ? rz / (len * n) : 0;
            double an = ax * nx + ay * ny + az * nz;
            dValue[i] = (float) -an;
            double k = norm > TINY ? -s / norm : 0;
            v[3 * i] = (float) (k * (ax - an * nx));
            v[3 * i + 1] = (float) (k * (ay - an * ny));
            v[3 * i + 2] = (float) (k * (az - an * nz));
        }
        pull /= n;
        double total = pull;
        if (eikonalWeight > 0) {
            total += Eikonal.evaluate(grad, n, 3, eikonalWeight, vEikonal);
            for (int i = 0; i < 3 * n; i++) {
                v[i] += vEikonal[i];
            }
        }
        encoding.jacobianVectorProduct(q, n, v, u);
        encoding.backwardInputGradient(q, n, netGrad, v, encodingGrad);
        network.backwardInputGradient(enc, n, workspace, ONE, u, dValue, networkGrad, dIn);
        encoding.backward(q, n, dIn, encodingGrad);
        if (surfaceWeight > 0) {
            total += surface(t, n, encodingGrad, networkGrad);
        }
        return new double[] {total, pull};
    }

    /** The surface term {@code w mean f(t)^2} at the targets (first order); adds its gradient, returns its value. */
    private double surface(float[] t, int n, float[] encodingGrad, float[] networkGrad) {
        Encoding encoding = field.encoding();
        Network network = field.network();
        encoding.encode(t, n, tEnc);
        network.forwardTrain(tEnc, n, surfaceWorkspace, tValue);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double f = tValue[i];
            sum += f * f;
            tdValue[i] = (float) (2 * surfaceWeight * f / n);
        }
        network.backward(tEnc, n, surfaceWorkspace, tdValue, networkGrad, dIn);
        encoding.backward(t, n, dIn, encodingGrad);
        return surfaceWeight * sum / n;
    }

    /** Field values, network input gradients and spatial gradients of {@code n} queries. */
    private void forward(float[] q, int n) {
        ensure(n);
        Encoding encoding = field.encoding();
        Network network = field.network();
        encoding.encode(q, n, enc);
        network.forwardTrain(enc, n, workspace, value);
        network.inputGradient(enc, n, workspace, ONE, netGrad);
        encoding.inputGradient(q, n, netGrad, grad);
    }

    private double residual2(float[] q, float[] t, int i) {
        double gx = grad[3 * i];
        double gy = grad[3 * i + 1];
        double gz = grad[3 * i + 2];
        double norm = Math.sqrt(gx * gx + gy * gy + gz * gz);
        double s = norm > TINY ? value[i] / norm : 0;
        double rx = q[3 * i] - s * gx - t[3 * i];
        double ry = q[3 * i + 1] - s * gy - t[3 * i + 1];
        double rz = q[3 * i + 2] - s * gz - t[3 * i + 2];
        return rx * rx + ry * ry + rz * rz;
    }

    private void ensure(int n) {
        if (n == size) {
            return;
        }
        int dims = field.encoding().outputDims();
        workspace = field.network().newWorkspace(n);
        enc = new float[n * dims];
        value = new float[n];
        netGrad = new float[n * dims];
        grad = new float[3 * n];
        dValue = new float[n];
        v = new float[3 * n];
        vEikonal = new float[3 * n];
        u = new float[n * dims];
        dIn = new float[n * dims];
        if (surfaceWeight > 0) {
            surfaceWorkspace = field.network().newWorkspace(n);
            tEnc = new float[n * dims];
            tValue = new float[n];
            tdValue = new float[n];
        }
        size = n;
    }
}
