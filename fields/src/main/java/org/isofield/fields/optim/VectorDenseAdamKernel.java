package org.isofield.fields.optim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseAdamOptimizer}'s update on the Vector API ({@code jdk.incubator.vector}), loaded only when that module
 * is present. The update is float64 arithmetic on float32 state: each lane widens its gradient and moments to double,
 * does the scalar update's operations in the scalar update's order (multiply and add, never fused; IEEE division and
 * square root), narrows the moments and the step to float and subtracts in float, so the results are bitwise those of
 * {@link DenseAdamOptimizer#scalarUpdate} (the parity test checks this). The double species is the preferred one
 * (8 lanes with AVX-512, 4 with AVX2); the floats are read with the float species of the same lane count.
 */
final class VectorDenseAdamKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F =
            FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();

    private VectorDenseAdamKernel() {
    }

    static void update(float[] params, float[] grads, float[] m, float[] v, int from, int to, double lr,
                       double beta1, double beta2, double eps, double c1, double c2) {
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        int end = from + (to - from) / L * L;
        for (int s = from; s < end; s += L) {
            DoubleVector g = widen(grads, s);
            DoubleVector mm = widen(m, s).mul(beta1).add(g.mul(oneMinusBeta1));
            DoubleVector vv = widen(v, s).mul(beta2).add(g.mul(oneMinusBeta2).mul(g));
            narrow(mm).intoArray(m, s);
            narrow(vv).intoArray(v, s);
            DoubleVector stepSize = mm.div(c1).mul(lr).div(vv.div(c2).lanewise(VectorOperators.SQRT).add(eps));
            FloatVector.fromArray(F, params, s).sub(narrow(stepSize)).intoArray(params, s);
        }
        DenseAdamOptimizer.scalarUpdate(params, grads, m, v, end, to, lr, beta1, beta2, eps, c1, c2);
    }

    private static DoubleVector widen(float[] a, int at) {
        return (DoubleVector) FloatVector.fromArray(F, a, at).convertShape(VectorOperators.F2D, D, 0);
    }

    private static FloatVector narrow(DoubleVector d) {
        return (FloatVector) d.convertShape(VectorOperators.D2F, F, 0);
    }
}
