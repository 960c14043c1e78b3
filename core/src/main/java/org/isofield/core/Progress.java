package org.isofield.core;

/**
 * Progress callback of a long computation, CGAL's contract: {@code fraction} runs from 0 to 1 within a named phase;
 * returning {@code false} asks the computation to stop, which it does at its next safe point by throwing
 * {@link CancelledException}. Algorithms never call this directly in hot loops; they go through a
 * {@link ProgressMeter}, which throttles calls to about ten per second and makes them from one thread at a time.
 */
@FunctionalInterface
public interface Progress {
    /**
     * @param phase a short dotted name, e.g. {@code "read"}, {@code "sample"}, {@code "gridpull.optimize"}
     * @param fraction completion of the phase in [0, 1]
     * @return false to ask the computation to stop
     */
    boolean report(String phase, double fraction);

    /** Ignores reports and never cancels. */
    Progress NONE = (phase, fraction) -> true;
}
