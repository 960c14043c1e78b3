package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.util.vma.Vma.*;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.vma.VmaAllocationCreateInfo;
import org.lwjgl.util.vma.VmaAllocationInfo;
import org.lwjgl.vulkan.VkBufferCreateInfo;

/**
 * A VMA buffer that stays mapped: written by the host for vertex data, or read by the host for image read-back.
 * On lavapipe all memory is host memory, so there is no staging copy; on a discrete GPU VMA picks host-visible
 * (possibly device-local) memory.
 */
final class GpuBuffer implements AutoCloseable {
    private final VulkanContext ctx;
    private final long buffer;
    private final long allocation;
    private final long size;
    private final long mapped;

    private GpuBuffer(VulkanContext ctx, long size, int usage, boolean hostReads) {
        this.ctx = ctx;
        this.size = size;
        try (MemoryStack s = stackPush()) {
            VkBufferCreateInfo bi = VkBufferCreateInfo.calloc(s).sType$Default().size(size).usage(usage)
                    .sharingMode(VK_SHARING_MODE_EXCLUSIVE);
            VmaAllocationCreateInfo ai = VmaAllocationCreateInfo.calloc(s).usage(VMA_MEMORY_USAGE_AUTO)
                    .flags(VMA_ALLOCATION_CREATE_MAPPED_BIT | (hostReads ? VMA_ALLOCATION_CREATE_HOST_ACCESS_RANDOM_BIT
                            : VMA_ALLOCATION_CREATE_HOST_ACCESS_SEQUENTIAL_WRITE_BIT));
            LongBuffer pb = s.mallocLong(1);
            PointerBuffer pa = s.mallocPointer(1);
            VmaAllocationInfo info = VmaAllocationInfo.calloc(s);
            check(vmaCreateBuffer(ctx.allocator(), bi, ai, pb, pa, info), "vmaCreateBuffer(" + size + " bytes)");
            buffer = pb.get(0);
            allocation = pa.get(0);
            mapped = info.pMappedData();
        }
    }

    /** A buffer of {@code floats} for the vertex stage. */
    static GpuBuffer vertices(VulkanContext ctx, float[] floats) {
        GpuBuffer b = new GpuBuffer(ctx, 4L * floats.length, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, false);
        MemoryUtil.memFloatBuffer(b.mapped, floats.length).put(floats);
        b.flush();
        return b;
    }

    /** A buffer of 32-bit indices. */
    static GpuBuffer indices(VulkanContext ctx, int[] ints) {
        GpuBuffer b = new GpuBuffer(ctx, 4L * ints.length, VK_BUFFER_USAGE_INDEX_BUFFER_BIT, false);
        MemoryUtil.memIntBuffer(b.mapped, ints.length).put(ints);
        b.flush();
        return b;
    }

    /** A storage buffer of {@code floats} for compute shaders (at least 16 bytes, as an empty table is not allowed). */
    static GpuBuffer storage(VulkanContext ctx, float[] floats) {
        GpuBuffer b = new GpuBuffer(ctx, Math.max(16, 4L * floats.length), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, false);
        MemoryUtil.memFloatBuffer(b.mapped, floats.length).put(floats);
        b.flush();
        return b;
    }

    /** A uniform buffer holding {@code bytes} (from position to limit). */
    static GpuBuffer uniform(VulkanContext ctx, ByteBuffer bytes) {
        GpuBuffer b = new GpuBuffer(ctx, bytes.remaining(), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, false);
        MemoryUtil.memByteBuffer(b.mapped, bytes.remaining()).put(bytes.duplicate());
        b.flush();
        return b;
    }

    /** A storage buffer a compute shader writes and the host reads. */
    static GpuBuffer storageReadback(VulkanContext ctx, long bytes) {
        return new GpuBuffer(ctx, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, true);
    }

    /** A storage buffer that only shaders read and write (state kept between dispatches). */
    static GpuBuffer storageScratch(VulkanContext ctx, long bytes) {
        return new GpuBuffer(ctx, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, false);
    }

    /** A device buffer a shader writes and a transfer reads (e.g. pixels copied into an image). */
    static GpuBuffer storageCopySource(VulkanContext ctx, long bytes) {
        return new GpuBuffer(ctx, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT, false);
    }

    /** A buffer the device copies into and the host reads. */
    static GpuBuffer readback(VulkanContext ctx, long bytes) {
        return new GpuBuffer(ctx, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, true);
    }

    private void flush() {
        vmaFlushAllocation(ctx.allocator(), allocation, 0, VK_WHOLE_SIZE);
    }

    /** The mapped bytes after the device wrote them (invalidates the host cache first). */
    ByteBuffer read() {
        vmaInvalidateAllocation(ctx.allocator(), allocation, 0, VK_WHOLE_SIZE);
        return MemoryUtil.memByteBuffer(mapped, (int) size);
    }

    long handle() {
        return buffer;
    }

    long size() {
        return size;
    }

    @Override
    public void close() {
        vmaDestroyBuffer(ctx.allocator(), buffer, allocation);
    }
}
