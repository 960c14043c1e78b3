package org.isofield.render.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkMemoryBarrier;

/**
 * How {@code field_trace.comp} is dispatched for one frame: on a device without a loop budget one pass marches every
 * ray to its end and shades it; on llvmpipe ({@link LoopBudget}) the march is split into passes of at most
 * {@link #evaluationsPerPass()} field evaluations per ray, the rays kept in a buffer between them, and a last pass
 * shades. Every ray ends within {@link #MARCH_EVALUATIONS} evaluations, so the passes are a fixed number (passes
 * after a ray's end cost it only the load and store of its state).
 */
final class TracePasses {
    /** The most field evaluations of one ray's march: the steps, then the 10 halvings of a crossing. */
    static final int MARCH_EVALUATIONS = FieldTracer.MAX_STEPS + 10;
    /** Offset of the flags word ({@code image.z}) in the push constants. */
    static final int FLAGS_AT = 120;
    static final int FLAG_FIRST = 64;
    static final int FLAG_SHADE = 128;
    /** The flags word holds the pass's evaluations from this bit. */
    static final int EVALUATIONS_SHIFT = 16;

    private final boolean separateShading;
    private final int evaluationsPerPass;
    private final int count;

    /** The passes for {@code field} under {@code budget}; a field that does not fit is refused ({@link LoopBudget#check}). */
    TracePasses(LoopBudget budget, FieldLayout field) {
        int maxJumps = FieldTracer.MAX_STEPS + 4 * FieldTracer.OCCUPANCY_RES;
        budget.check(field, maxJumps);
        separateShading = budget.limited();
        evaluationsPerPass = (int) Math.min(budget.evaluationsPerPass(field, maxJumps), MARCH_EVALUATIONS);
        int march = (MARCH_EVALUATIONS + evaluationsPerPass - 1) / evaluationsPerPass;
        count = separateShading ? march + 1 : march;
    }

    /** Field evaluations per ray in a march pass. */
    int evaluationsPerPass() {
        return evaluationsPerPass;
    }

    /** Dispatches per frame. */
    int count() {
        return count;
    }

    /**
     * Records the passes of {@code trace} (bound already) with {@code push} (the frame's push constants, flags without
     * the pass bits), with a barrier between passes for the rays' buffer.
     */
    void record(VkCommandBuffer c, ComputeKernel trace, ByteBuffer push, int groupsX, int groupsY) {
        int flags = push.getInt(push.position() + FLAGS_AT);
        for (int p = 0; p < count; p++) {
            boolean last = p == count - 1;
            int evaluations = last && separateShading ? 0 : evaluationsPerPass;
            int passFlags = flags | (p == 0 ? FLAG_FIRST : 0) | (last ? FLAG_SHADE : 0)
                    | evaluations << EVALUATIONS_SHIFT;
            ByteBuffer b = ByteBuffer.allocateDirect(push.remaining()).order(ByteOrder.nativeOrder());
            b.put(push.duplicate()).flip();
            b.putInt(FLAGS_AT, passFlags);
            if (p > 0) {
                try (MemoryStack s = stackPush()) {
                    vkCmdPipelineBarrier(c, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0,
                            VkMemoryBarrier.calloc(1, s).sType$Default().srcAccessMask(VK_ACCESS_SHADER_WRITE_BIT)
                                    .dstAccessMask(VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT), null, null);
                }
            }
            trace.record(c, b, groupsX, groupsY);
        }
    }
}
