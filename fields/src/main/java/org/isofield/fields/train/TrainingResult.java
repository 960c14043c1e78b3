package org.isofield.fields.train;

/**
 * Summary of a {@link Trainer#train} run.
 *
 * @param steps steps taken in this run
 * @param samples samples seen in this run ({@code steps x batch size})
 * @param finalLoss loss of the last step
 * @param seconds wall time of the run, batch generation included
 */
public record TrainingResult(long steps, long samples, double finalLoss, double seconds) {
    /** Training steps per second. */
    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : Double.NaN;
    }

    /** Samples per second. */
    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : Double.NaN;
    }
}
