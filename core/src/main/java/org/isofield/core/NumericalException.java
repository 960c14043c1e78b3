package org.isofield.core;

/**
 * A computation produced non-finite values or failed to converge, e.g. "loss became NaN at step 1834"; exit code 5.
 */
public class NumericalException extends IsofieldException {
    private static final long serialVersionUID = 1L;
    private final String phase;
    private final long step;

    /**
     * @param phase where it happened ("train", "sample")
     * @param step the step or item index, or -1 when not applicable
     */
    public NumericalException(String phase, long step, String message) {
        super(phase + (step >= 0 ? " step " + step : "") + ": " + message, EXIT_NUMERICAL, null);
        this.phase = phase;
        this.step = step;
    }

    public String phase() {
        return phase;
    }

    public long step() {
        return step;
    }
}
