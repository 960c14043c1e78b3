package org.isofield.core.compute;

import org.isofield.core.Check;

/**
 * The geometry of a kernel launch: a grid of {@code gridX x gridY} blocks (work groups) of {@code blockX} threads
 * (work items). On CUDA that is {@code gridDim = (gridX, gridY)}, {@code blockDim = (blockX, 1)}; on OpenCL a global
 * size of {@code (gridX * blockX, gridY)} with local size {@code (blockX, 1)}. Kernels guard their last block.
 */
public record Launch(int gridX, int gridY, int blockX) {
    public Launch {
        Check.range("gridX", gridX, 1, Integer.MAX_VALUE);
        Check.range("gridY", gridY, 1, 65535);
        Check.range("blockX", blockX, 1, 1024);
    }

    /** Enough blocks of {@code block} threads for {@code n} threads (at least one block). */
    public static Launch over(long n, int block) {
        return over(n, 1, block);
    }

    /** Enough blocks of {@code block} threads for {@code n} threads in x, times {@code y} in y. */
    public static Launch over(long n, int y, int block) {
        long blocks = Math.max(1, (n + block - 1) / block);
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " threads need " + blocks + " blocks of " + block
                    + "; at most " + Integer.MAX_VALUE);
        }
        return new Launch((int) blocks, y, block);
    }

    /** Threads in x over the whole grid. */
    public long threadsX() {
        return (long) gridX * blockX;
    }

    @Override
    public String toString() {
        return "grid " + gridX + "x" + gridY + ", block " + blockX;
    }
}
