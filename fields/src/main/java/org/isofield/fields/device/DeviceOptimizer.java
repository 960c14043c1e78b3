package org.isofield.fields.device;

import java.util.Map;
import org.isofield.core.compute.DeviceArray;

/**
 * An {@link org.isofield.fields.optim.Optimizer} whose state lives on a device: the same steps over device arrays,
 * and the same checkpoint blocks (so a field file saved from a device run resumes on the CPU and the other way round).
 */
public interface DeviceOptimizer extends AutoCloseable {
    /** One step: updates {@code params} in place from {@code grads}. */
    void step(DeviceArray params, DeviceArray grads);

    long stepCount();

    double learningRate();

    void setLearningRate(double learningRate);

    /** The parameters for inference: the moving average under Ema, else {@code params}. */
    DeviceArray inferenceParams(DeviceArray params);

    /** Adds the state blocks, named as the CPU twin names them. */
    void saveState(String prefix, DeviceArray params, Map<String, float[]> out);

    /** Restores the blocks; {@code params} holds the inference parameters on entry, the training ones on return. */
    void restoreState(String prefix, DeviceArray params, Map<String, float[]> in);

    @Override
    void close();
}
