package org.isofield.fields.train;

import java.util.Map;

/**
 * What a checkpoint needs of a training run, on the CPU ({@link Trainer}) or on a device
 * ({@link org.isofield.fields.device.DeviceTrainer}): the step count, the inference field and the state that continues
 * the run. Both write the same state blocks, so a run saved on one backend resumes on the other.
 */
public interface FieldTrainer {
    /** Steps taken so far. */
    long step();

    /** A copy of the field with the inference parameters (the moving averages under Ema). */
    NeuralField inferenceField();

    /** The training state beyond the inference parameters, as named float32 arrays (see {@link Trainer#saveState}). */
    Map<String, float[]> saveState();

    /** Restores {@link #saveState}'s output into this fresh trainer (see {@link Trainer#restoreState}). */
    void restoreState(Map<String, float[]> state);
}
