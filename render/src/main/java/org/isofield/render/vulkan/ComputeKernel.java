package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * One compute shader with its pipeline, a descriptor set of buffers (binding {@code i} has type {@code types[i]}:
 * uniform or storage buffer) and a push-constant block. {@link #bind} points the bindings at buffers;
 * {@link #record} binds and dispatches into a command buffer. Not thread-safe.
 */
final class ComputeKernel implements AutoCloseable {
    private final VulkanContext ctx;
    private final int[] types;
    private final int pushBytes;
    private final long setLayout;
    private final long layout;
    private final long pipeline;
    private final long pool;
    private final long set;

    ComputeKernel(VulkanContext ctx, String shader, int[] types, int pushBytes) {
        this.ctx = ctx;
        this.types = types.clone();
        this.pushBytes = pushBytes;
        VkDevice dev = ctx.device();
        long module = ShaderLibrary.module(dev, shader);
        try (MemoryStack s = stackPush()) {
            LongBuffer lp = s.mallocLong(1);
            VkDescriptorSetLayoutBinding.Buffer b = VkDescriptorSetLayoutBinding.calloc(types.length, s);
            for (int i = 0; i < types.length; i++) {
                b.get(i).binding(i).descriptorType(types[i]).descriptorCount(1).stageFlags(VK_SHADER_STAGE_COMPUTE_BIT);
            }
            check(vkCreateDescriptorSetLayout(dev,
                    VkDescriptorSetLayoutCreateInfo.calloc(s).sType$Default().pBindings(b),
                    null, lp), "vkCreateDescriptorSetLayout(" + shader + ")");
            setLayout = lp.get(0);
            check(vkCreatePipelineLayout(dev, VkPipelineLayoutCreateInfo.calloc(s).sType$Default()
                    .pSetLayouts(s.longs(setLayout)).pPushConstantRanges(VkPushConstantRange.calloc(1, s)
                            .stageFlags(VK_SHADER_STAGE_COMPUTE_BIT).offset(0).size(pushBytes)), null, lp),
                    "vkCreatePipelineLayout(" + shader + ")");
            layout = lp.get(0);
            VkComputePipelineCreateInfo.Buffer cp = VkComputePipelineCreateInfo.calloc(1,
                    s).sType$Default().layout(layout);
            cp.stage().sType$Default().stage(VK_SHADER_STAGE_COMPUTE_BIT).module(module).pName(s.UTF8("main"));
            check(vkCreateComputePipelines(dev, VK_NULL_HANDLE, cp, null, lp), "vkCreateComputePipelines(" + shader
                    + ")");
            pipeline = lp.get(0);
            VkDescriptorPoolSize.Buffer sizes = VkDescriptorPoolSize.calloc(2, s);
            sizes.get(0).type(VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER).descriptorCount(types.length);
            sizes.get(1).type(VK_DESCRIPTOR_TYPE_STORAGE_BUFFER).descriptorCount(types.length);
            check(vkCreateDescriptorPool(dev, VkDescriptorPoolCreateInfo.calloc(s).sType$Default().maxSets(1)
                    .pPoolSizes(sizes), null, lp), "vkCreateDescriptorPool(" + shader + ")");
            pool = lp.get(0);
            check(vkAllocateDescriptorSets(dev, VkDescriptorSetAllocateInfo.calloc(s).sType$Default()
                    .descriptorPool(pool).pSetLayouts(s.longs(setLayout)), lp), "vkAllocateDescriptorSets(" + shader
                    + ")");
            set = lp.get(0);
        } finally {
            vkDestroyShaderModule(dev, module, null);
        }
    }

    /** Points binding {@code i} at {@code buffers[i]}, for every binding. */
    void bind(GpuBuffer... buffers) {
        if (buffers.length != types.length) {
            throw new IllegalArgumentException(buffers.length + " buffers for " + types.length + " bindings");
        }
        try (MemoryStack s = stackPush()) {
            VkWriteDescriptorSet.Buffer w = VkWriteDescriptorSet.calloc(types.length, s);
            for (int i = 0; i < types.length; i++) {
                VkDescriptorBufferInfo.Buffer info = VkDescriptorBufferInfo.calloc(1, s).buffer(buffers[i].handle())
                        .offset(0).range(VK_WHOLE_SIZE);
                w.get(i).sType$Default().dstSet(set).dstBinding(i).descriptorCount(1).descriptorType(types[i])
                        .pBufferInfo(info);
            }
            vkUpdateDescriptorSets(ctx.device(), w, null);
        }
    }

    /** Records the bind, the push constants (position to limit of {@code push}) and a dispatch of groups. */
    void record(VkCommandBuffer cmd, ByteBuffer push, int groupsX, int groupsY) {
        if (push.remaining() != pushBytes) {
            throw new IllegalArgumentException(push.remaining() + " push-constant bytes; expected " + pushBytes);
        }
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
        try (MemoryStack s = stackPush()) {
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout, 0, s.longs(set), null);
        }
        vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, push);
        vkCmdDispatch(cmd, groupsX, groupsY, 1);
    }

    @Override
    public void close() {
        VkDevice dev = ctx.device();
        vkDestroyDescriptorPool(dev, pool, null);
        vkDestroyPipeline(dev, pipeline, null);
        vkDestroyPipelineLayout(dev, layout, null);
        vkDestroyDescriptorSetLayout(dev, setLayout, null);
    }
}
