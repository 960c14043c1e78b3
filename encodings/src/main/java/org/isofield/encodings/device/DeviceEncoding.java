package org.isofield.encodings.device;

import org.isofield.core.compute.ComputeDevice;
import org.isofield.core.compute.DeviceArray;
import org.isofield.encodings.Encoding;

/**
 * An {@link Encoding} on a compute device: the same five passes over device arrays, for batches of {@code n}
 * points. Layouts: positions and the other {@code inputDims()}-vectors point-major ({@code in[i * dims + j]}, as on
 * the CPU); features and their gradients feature-major with stride {@code n} ({@code out[f * n + i]}), which keeps
 * the accesses of neighbouring threads next to each other. Parameters live in {@link #params()}, in the CPU
 * encoding's layout; gradients are arrays of {@link #paramCount()} floats the caller owns and zeroes.
 */
public interface DeviceEncoding extends AutoCloseable {
    /** The CPU twin this encoding mirrors (its geometry; its parameters are copied with {@link #upload}). */
    Encoding twin();

    ComputeDevice device();

    default int inputDims() {
        return twin().inputDims();
    }

    default int outputDims() {
        return twin().outputDims();
    }

    default int paramCount() {
        return twin().paramCount();
    }

    /** The live device parameters. */
    DeviceArray params();

    /** Copies the twin's parameters to the device. */
    void upload();

    /** Copies the device parameters into the twin. */
    void download();

    /** {@code out = e(in)}, feature-major. */
    void encode(DeviceArray in, int n, DeviceArray out);

    /** Adds {@code dL/dparams} of {@code dLdOut} to {@code gradParams}. */
    void backward(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray gradParams);

    /** Writes {@code dLdIn = J^T dLdOut}, point-major. */
    void inputGradient(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray dLdIn);

    /** Writes {@code dOut = J dIn}, feature-major. */
    void jacobianVectorProduct(DeviceArray in, int n, DeviceArray dIn, DeviceArray dOut);

    /** Adds the parameter gradient of {@code sum_i u_i . (J_i^T v_i)} ({@code v = dLdOut}) to {@code gradParams}. */
    void backwardInputGradient(DeviceArray in, int n, DeviceArray dLdOut, DeviceArray u, DeviceArray gradParams);

    /** Frees the device parameters. */
    @Override
    void close();
}
