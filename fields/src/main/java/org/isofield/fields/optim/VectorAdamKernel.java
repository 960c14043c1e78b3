package org.isofield.fields.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamOptimizer}'s update on the Vector API ({@code jdk.incubator.vector}), loaded only when that module is
 * present. Each block of entries takes two passes: a scalar one advances the per-entry step counters (branch-free)
 * and looks up their bias corrections (a table lookup per entry, which JDK 17 cannot vectorise), then a vector one
 * does the moments, the square root and the division across lanes and writes back only the entries that were not
 * skipped (a blend). The float operations and their order are the scalar update's (multiply and add, never fused;
 * IEEE square root and division), so the results are bitwise equal to it; the parity test checks this.
 */
final class VectorAdamKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Entries per two-pass block: the bias corrections of one block stay in L1. */
    private static final int BLOCK = 1024;
    /** Each worker thread's bias corrections of its current block (no allocation per call). */
    private static final ThreadLocal<float[]> CORRECTIONS = ThreadLocal.withInitial(() -> new float[BLOCK]);

    private VectorAdamKernel() {
    }

    static void update(float[] w, float[] grads, float[] m, float[] v, int[] steps, int from, int to, boolean grid,
                       float lr, float beta1, float beta2, float eps, float l2, float[] corr) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        float[] c = CORRECTIONS.get();
        int blockEnd = from + (to - from) / L * L;
        for (int start = from; start < blockEnd; start += BLOCK) {
            int end = Math.min(start + BLOCK, blockEnd);
            for (int i = start; i < end; i++) {
                int k = steps[i] + (grid && grads[i] == 0f ? 0 : 1);
                steps[i] = k;
                c[i - start] = corr[k];
            }
            for (int i = start; i < end; i += L) {
                FloatVector g = FloatVector.fromArray(S, grads, i);
                FloatVector wi = FloatVector.fromArray(S, w, i);
                FloatVector mOld = FloatVector.fromArray(S, m, i);
                FloatVector vOld = FloatVector.fromArray(S, v, i);
                if (!grid) {
                    g = g.add(wi.mul(l2));
                }
                FloatVector mi = mOld.mul(beta1).add(g.mul(oneMinusBeta1));
                FloatVector vi = vOld.mul(beta2).add(g.mul(g).mul(oneMinusBeta2));
                FloatVector effective = FloatVector.fromArray(S, c, i - start).mul(lr)
                        .div(vi.lanewise(VectorOperators.SQRT).add(eps));
                FloatVector wNew = wi.sub(effective.mul(mi));
                if (grid) {
                    VectorMask<Float> live = g.compare(VectorOperators.NE, 0f);
                    mi = mOld.blend(mi, live);
                    vi = vOld.blend(vi, live);
                    wNew = wi.blend(wNew, live);
                }
                mi.intoArray(m, i);
                vi.intoArray(v, i);
                wNew.intoArray(w, i);
            }
        }
        AdamOptimizer.scalarUpdate(w, grads, m, v, steps, blockEnd, to, grid, lr, beta1, beta2, eps, l2, corr);
    }
}
