package org.isofield.fields.mlp.cam;

import java.util.Arrays;
import org.isofield.fields.mlp.Network;

/**
 * Memory of one {@link CamNetwork}'s training passes, per block of {@link CamNetwork#B} samples (feature-major in a
 * block): each hidden layer's normalised pre-activations {@code zh}, modulated pre-activations {@code y} and inverse
 * standard deviations, the grid factors, the output pre-activations, where each sample sits in the three planes, and
 * the per-sample factor gradients for the grid's scatter pass. Plus per-task scratch. Grows on demand, never shrinks:
 * about {@code 4 n (2 layers width + layers + 2 channels + outputs + 9)} bytes for {@code n} samples.
 */
final class CamWorkspace implements Network.Workspace {
    final CamNetwork net;
    int capacity;
    float[][] zh;
    float[][] y;
    float[][] inv;
    float[] fac = new float[0];
    float[] zOut = new float[0];
    int[] cell = new int[0];
    float[] frac = new float[0];
    float[] dv = new float[0];
    Scratch[] tasks = new Scratch[0];

    CamWorkspace(CamNetwork net, int capacity) {
        this.net = net;
        int layers = net.hiddenLayers();
        zh = new float[layers][0];
        y = new float[layers][0];
        inv = new float[layers][0];
        ensure(capacity, 0);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    void ensure(int n, int taskCount) {
        if (n > capacity) {
            int b = CamNetwork.B;
            int blocks = (n + b - 1) / b;
            long perLayer = (long) blocks * net.width() * b;
            long factors = (long) blocks * net.channels() * b;
            if (perLayer > Integer.MAX_VALUE - 16 || factors > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("batch of " + n + " samples too large for one workspace");
            }
            int cap = blocks * b;
            for (int l = 0; l < zh.length; l++) {
                zh[l] = new float[(int) perLayer];
                y[l] = new float[(int) perLayer];
                inv[l] = new float[cap];
            }
            fac = new float[(int) factors];
            dv = new float[(int) factors];
            zOut = new float[blocks * net.outputDims() * b];
            cell = new int[3 * cap];
            frac = new float[6 * cap];
            capacity = cap;
        }
        if (taskCount > tasks.length) {
            Scratch[] grown = Arrays.copyOf(tasks, taskCount);
            for (int t = tasks.length; t < taskCount; t++) {
                grown[t] = new Scratch(net);
            }
            tasks = grown;
        }
    }

    /** Block buffers of one task, each {@code rows x B} feature-major, and its private MLP gradient. */
    static final class Scratch {
        final float[] grad;
        final float[][] h;
        final float[] zh;
        final float[] y;
        final float[] inv;
        final float[] fac;
        final float[] dfac;
        final int[] cell;
        final float[] frac;
        final float[] zo;
        final float[] dOut;
        final float[] a;
        final float[] b;
        final float[] transposed;
        final float[] sum1;
        final float[] sum2;

        Scratch(CamNetwork net) {
            int bs = CamNetwork.B;
            int wide = Math.max(net.paddedFeatureDims(), net.width()) * bs;
            grad = new float[net.mlpParamCount()];
            h = new float[net.hiddenLayers() + 1][];
            h[0] = new float[net.paddedFeatureDims() * bs];
            for (int l = 1; l < h.length; l++) {
                h[l] = new float[net.width() * bs];
            }
            zh = new float[net.width() * bs];
            y = new float[net.width() * bs];
            inv = new float[bs];
            fac = new float[net.channels() * bs];
            dfac = new float[net.channels() * bs];
            cell = new int[3 * bs];
            frac = new float[6 * bs];
            zo = new float[net.outputDims() * bs];
            dOut = new float[net.outputDims() * bs];
            a = new float[wide];
            b = new float[wide];
            transposed = new float[wide];
            sum1 = new float[bs];
            sum2 = new float[bs];
        }
    }
}
