package org.isofield.render.vulkan;

import org.isofield.core.ConfigException;

/**
 * How many field evaluations one invocation of a field shader may make. llvmpipe (Mesa's CPU rasteriser behind
 * lavapipe) gives each shader invocation one loop counter shared by all its loops: it starts at {@value #LLVMPIPE}
 * (gallivm's {@code LP_MAX_TGSI_LOOP_ITERATIONS}) and every pass through the end of any loop, the exiting one included,
 * takes one off; at zero every loop leaves after its current iteration, silently. The field shaders loop over levels,
 * corners and the MLP's rows and columns, about 6,600 passes per evaluation of the default field (16 levels, 64x2), so
 * the tenth evaluation of an invocation already comes out wrong: the MLP's sums stop after their first term and the
 * field reads 0 with a zero gradient. Other devices have no such counter ({@link #UNLIMITED}).
 *
 * <p>The counts here are upper bounds that follow the loops of {@code field_hashgrid.glsl} (the simplex grid loops
 * less), {@code field_mlp.glsl} and {@code field_trace.comp}; loops the compiler unrolls only count less. Keep them in
 * step when those loops change.
 */
final class LoopBudget {
    /** llvmpipe's loop passes per shader invocation. */
    static final long LLVMPIPE = 65535;
    /** No limit (a GPU). */
    static final long UNLIMITED = Long.MAX_VALUE;
    /** The most SIMD lanes llvmpipe runs as one invocation (512-bit vectors); a loop runs while any lane needs it. */
    static final int MAX_LANES = 16;
    /** Passes left for the shaders' other loops and control (the march loop's exit, the packing, the slice). */
    static final long SLACK = 1024;

    private final long limit;

    LoopBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("loop limit " + limit + "; expected 1 or more");
        }
        this.limit = limit;
    }

    /** The budget of the device named {@code deviceName} (as {@code VkPhysicalDeviceProperties.deviceName}). */
    static LoopBudget forDevice(String deviceName) {
        return new LoopBudget(deviceName.startsWith("llvmpipe") ? LLVMPIPE : UNLIMITED);
    }

    long limit() {
        return limit;
    }

    boolean limited() {
        return limit != UNLIMITED;
    }

    /** Loop passes of {@code field_encode_hash} (and its backward): levels, 8 corners each. */
    static long encodeLoops(FieldLayout f) {
        return 10L * f.levels() + 1;
    }

    /** Loop passes of one {@code field_value}: the encoding and the MLP's forward pass. */
    static long valueLoops(FieldLayout f) {
        return encodeLoops(f) + mlpForwardLoops(f, false);
    }

    /** Loop passes of one {@code field_gradient}: forward with the masks kept, then both backward passes. */
    static long gradientLoops(FieldLayout f) {
        long w1 = f.width() + 1L;
        long h = f.hiddenLayers();
        long features = 2L * f.levels();
        long mlpBackward = w1 + h + (h - 1) * w1 * w1 + features + 1 + features * w1;
        return 2 * encodeLoops(f) + mlpForwardLoops(f, true) + mlpBackward;
    }

    private static long mlpForwardLoops(FieldLayout f, boolean keep) {
        long w = f.width();
        long h = f.hiddenLayers();
        long ip = f.paddedInputs();
        long padding = ip - 2L * f.levels() + 1;
        long masks = keep ? 4 * h + 1 : 0;
        long first = (w + 1) + w * (ip + 1);
        long hidden = h + (h - 1) * (w + 1) * (w + 1);
        return padding + masks + first + hidden + (w + 1);
    }

    /**
     * Loop passes of the trace kernel's shading pass: one evaluation for the slice and the normal, the analytic
     * gradient
     * or ({@code analytic} false) 4 evaluations, as lanes on the slice and lanes on the surface share an invocation.
     */
    static long shadeLoops(FieldLayout f, boolean analytic) {
        return valueLoops(f) + (analytic ? gradientLoops(f) : 4 * valueLoops(f)) + SLACK;
    }

    /**
     * The field evaluations one march pass of the trace kernel may make (at least 1): each round of its loop evaluates
     * once, plus the round's exit and its empty-cell loop's exit; the empty-cell jumps of all lanes ({@code maxJumps}
     * per
     * ray) come on top.
     */
    long evaluationsPerPass(FieldLayout f, int maxJumps) {
        if (!limited()) {
            return Integer.MAX_VALUE;
        }
        long jumps = (long) MAX_LANES * (maxJumps + 1);
        long rounds = (limit - SLACK - jumps) / (valueLoops(f) + 2) - 1;
        return Math.max(rounds, 0);
    }

    /**
     * Refuses a field whose shading pass with analytic normals (or one evaluation per march pass) does not fit the
     * budget, naming the network's size, the loop passes it needs and the limit.
     */
    void check(FieldLayout f, int maxJumps) {
        long shade = shadeLoops(f, true);
        if (shade > limit || evaluationsPerPass(f, maxJumps) < 1) {
            throw new ConfigException("network", "width " + f.width() + " with " + f.hiddenLayers() + " hidden layers "
                    + "and " + f.levels() + " levels: shading one pixel takes up to " + shade
                    + " shader loop iterations"
                    + " and one evaluation " + valueLoops(f) + ", but this Vulkan device (llvmpipe) stops a shader's "
                    + "loops after " + limit + " in all; render this field on a GPU, or train one with fewer "
                    + "n_neurons or n_hidden_layers");
        }
    }

    /** Whether normals from 4 evaluations (instead of the analytic gradient) fit the shading pass. */
    boolean fitsFiniteDifferences(FieldLayout f) {
        return shadeLoops(f, false) <= limit;
    }
}
