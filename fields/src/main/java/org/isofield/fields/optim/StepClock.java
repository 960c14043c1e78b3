package org.isofield.fields.optim;

/**
 * The step counter and learning rate that the Adam optimizers keep, on the CPU ({@link AdamOptimizer},
 * {@link DenseAdamOptimizer}) and on a device: {@code stepCount()}, {@code learningRate()} and
 * {@code setLearningRate()} of their interfaces, in one place. A step calls {@link #tick} first.
 */
public abstract class StepClock {
    private double learningRate;
    private long step;

    protected StepClock(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Counts a step; returns the new count (1 for the first step). */
    protected final long tick() {
        return ++step;
    }

    /** Sets the count, when state is restored. */
    protected final void restoreCount(long count) {
        step = count;
    }

    public long stepCount() {
        return step;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }
}
