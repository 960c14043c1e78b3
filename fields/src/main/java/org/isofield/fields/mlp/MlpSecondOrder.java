package org.isofield.fields.mlp;

import org.isofield.fields.mlp.MlpWorkspace.Scratch;

/**
 * The second-order pass of {@link MlpNetwork#backwardInputGradient} on one block: reverse mode through a forward pass
 * on dual numbers. The forward pass carries values {@code h_l} and tangents {@code hDot_l} along the direction
 * {@code u = dL/dg} ({@code hDot_0 = u}, zero on padded inputs; {@code zDot_l = W_{l-1} hDot_{l-1}},
 * {@code hDot_l = act'(z_l) zDot_l}), so the output tangent is {@code D = sum_o c_o yDot_o = u . g}. Reversing it
 * gives, for every weight matrix, {@code dD/dW_{l-1} = zDotBar_l hDot_{l-1}^T + zBar_l h_{l-1}^T} with
 * <pre>
 *   output:  zDotBar = c act_o'(z),  zBar = c act_o''(z) zDot + dOut act_o'(z)
 *   hidden:  zDotBar_l = hDotBar_l act'(z_l),  zBar_l = hBar_l act'(z_l) + hDotBar_l act''(z_l) zDot_l
 *            hDotBar_{l-1} = W^T zDotBar_l,  hBar_{l-1} = W^T zBar_l
 * </pre>
 * and {@code dL/dx = hBar_0}. A first-order output gradient {@code dOut} rides along in {@code zBar}, so a data loss
 * and an eikonal term share one pass. Cost: about three times a first-order backward.
 */
final class MlpSecondOrder {
    private static final int B = MlpNetwork.BLOCK;

    private MlpSecondOrder() {
    }

    static void block(MlpNetwork net, MlpKernels k, Scratch sc, float[] in, int start, int m, MlpWorkspace w,
                      float[] c, float[] dGrad, float[] dOut, float[] dIn) {
        int inDims = net.inputDims();
        int inPad = net.paddedInputDims();
        int width = net.width();
        int layers = net.hiddenLayers();
        int outDims = net.outputDims();
        float[] p = net.params();
        Activation act = net.config().activation();
        Activation outAct = net.config().outputActivation();
        int zOff = net.zOffset(start);
        int zoOff = net.zOutOffset(start);

        BlockOps.load(in, inDims, start, m, sc.x0, inPad, 1f);
        BlockOps.load(dGrad, inDims, start, m, sc.u0, inPad, 0f);
        for (int l = 1; l <= layers; l++) {
            BlockOps.activate(k, act, w.z[l - 1], zOff, sc.h[l], width, m);
            k.matmul(p, net.weightOffset(l - 1), width, net.weightCols(l - 1), sc.hDot[l - 1], 0, sc.zDot[l], 0, B, m);
            BlockOps.tangent(act, w.z[l - 1], zOff, sc.zDot[l], sc.hDot[l], width, m);
        }
        float[] zoDot = sc.zo;
        k.matmul(p, net.weightOffset(layers), outDims, width, sc.hDot[layers], 0, zoDot, 0, B, m);
        for (int o = 0; o < outDims; o++) {
            for (int s = 0; s < m; s++) {
                int i = o * B + s;
                float z = w.zOut[zoOff + i];
                float d1 = outAct.derivative(z);
                sc.dOutDot[i] = c[o] * d1;
                float zb = c[o] * outAct.secondDerivative(z) * zoDot[i];
                if (dOut != null) {
                    zb += dOut[(start + s) * outDims + o] * d1;
                }
                sc.dOut[i] = zb;
            }
        }
        int wl = net.weightOffset(layers);
        k.accumulateOuter(sc.grad, wl, outDims, width, sc.dOutDot, 0, sc.hDot[layers], 0, sc.transposed, B, m);
        k.accumulateOuter(sc.grad, wl, outDims, width, sc.dOut, 0, sc.h[layers], 0, sc.transposed, B, m);
        float[] bar = sc.a;
        float[] dotBar = sc.aDot;
        float[] nextBar = sc.b;
        float[] nextDotBar = sc.bDot;
        k.matmulTransposed(p, wl, outDims, width, width, sc.dOutDot, 0, dotBar, 0, B, m);
        k.matmulTransposed(p, wl, outDims, width, width, sc.dOut, 0, bar, 0, B, m);
        for (int l = layers; l >= 1; l--) {
            BlockOps.dualReverse(act, w.z[l - 1], zOff, sc.zDot[l], bar, dotBar, width, m);
            int wo = net.weightOffset(l - 1);
            int cols = net.weightCols(l - 1);
            k.accumulateOuter(sc.grad, wo, width, cols, dotBar, 0, sc.hDot[l - 1], 0, sc.transposed, B, m);
            k.accumulateOuter(sc.grad, wo, width, cols, bar, 0, sc.h[l - 1], 0, sc.transposed, B, m);
            if (l > 1) {
                k.matmulTransposed(p, wo, width, width, width, dotBar, 0, nextDotBar, 0, B, m);
                k.matmulTransposed(p, wo, width, width, width, bar, 0, nextBar, 0, B, m);
                float[] t = bar;
                bar = nextBar;
                nextBar = t;
                t = dotBar;
                dotBar = nextDotBar;
                nextDotBar = t;
            } else if (dIn != null) {
                k.matmulTransposed(p, wo, width, inPad, inDims, bar, 0, nextBar, 0, B, m);
                BlockOps.store(nextBar, inDims, start, m, dIn);
            }
        }
    }
}
