package org.isofield.fields.mlp;

import java.util.Arrays;

/**
 * Memory of one {@link MlpNetwork}'s training passes: the pre-activations of every hidden layer and of the output
 * layer, kept by {@link Network#forwardTrain} per block of {@link MlpNetwork#BLOCK} samples (feature-major within a
 * block), plus per-task scratch (block buffers and a private parameter-gradient buffer). Grows on demand, never
 * shrinks. About {@code 4 * n * (hidden layers * width + outputs)} bytes for {@code n} samples.
 */
final class MlpWorkspace implements Network.Workspace {
    final MlpNetwork net;
    int capacity;
    /** Hidden pre-activations z_1..z_L, each {@code blocks * width * B}. */
    float[][] z;
    /** Output pre-activations, {@code blocks * outputs * B}. */
    float[] zOut;
    Scratch[] tasks = new Scratch[0];

    MlpWorkspace(MlpNetwork net, int capacity) {
        this.net = net;
        this.z = new float[net.hiddenLayers()][0];
        this.zOut = new float[0];
        ensure(capacity, 0);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    void ensure(int n, int taskCount) {
        if (n > capacity) {
            int blocks = (n + MlpNetwork.BLOCK - 1) / MlpNetwork.BLOCK;
            long perLayer = (long) blocks * net.width() * MlpNetwork.BLOCK;
            if (perLayer > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("batch of " + n + " samples too large for one workspace");
            }
            for (int l = 0; l < z.length; l++) {
                z[l] = new float[(int) perLayer];
            }
            zOut = new float[blocks * net.outputDims() * MlpNetwork.BLOCK];
            capacity = blocks * MlpNetwork.BLOCK;
        }
        if (taskCount > tasks.length) {
            Scratch[] grown = Arrays.copyOf(tasks, taskCount);
            for (int t = tasks.length; t < taskCount; t++) {
                grown[t] = new Scratch(net);
            }
            tasks = grown;
        }
    }

    /** Block buffers of one task; each {@code rows x B}, feature-major. */
    static final class Scratch {
        final float[] grad;
        final float[] x0;
        final float[] u0;
        final float[][] h;
        final float[][] hDot;
        final float[][] zDot;
        final float[] zo;
        final float[] dOut;
        final float[] dOutDot;
        final float[] a;
        final float[] b;
        final float[] aDot;
        final float[] bDot;
        final float[] transposed;

        Scratch(MlpNetwork net) {
            int bs = MlpNetwork.BLOCK;
            int wide = Math.max(net.paddedInputDims(), net.width()) * bs;
            int layers = net.hiddenLayers();
            grad = new float[net.paramCount()];
            x0 = new float[net.paddedInputDims() * bs];
            u0 = new float[net.paddedInputDims() * bs];
            h = new float[layers + 1][];
            hDot = new float[layers + 1][];
            zDot = new float[layers + 1][];
            h[0] = x0;
            hDot[0] = u0;
            for (int l = 1; l <= layers; l++) {
                h[l] = new float[net.width() * bs];
                hDot[l] = new float[net.width() * bs];
                zDot[l] = new float[net.width() * bs];
            }
            zo = new float[net.outputDims() * bs];
            dOut = new float[net.outputDims() * bs];
            dOutDot = new float[net.outputDims() * bs];
            a = new float[wide];
            b = new float[wide];
            aDot = new float[wide];
            bDot = new float[wide];
            transposed = new float[wide];
        }
    }
}
