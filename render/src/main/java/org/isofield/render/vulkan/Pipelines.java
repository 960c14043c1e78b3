package org.isofield.render.vulkan;

import static org.isofield.render.vulkan.VkCheck.check;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.*;

/**
 * The render pass (colour cleared and left ready for a transfer read, depth cleared) and the graphics pipelines of
 * the renderer, which share one layout: {@link FrameParams#BYTES} of push constants and no descriptors. Viewport and
 * scissor are dynamic, so pipelines do not depend on the image size. Each kind has variants ({@link #SCALAR}: a third
 * vertex stream of colour-map positions; {@link #RGB}: a third stream of
 * per-vertex colours; {@link #CLIP}: the clipping plane), compiled from the same shaders with
 * defines, so the plain pipelines run exactly the plain shaders. Pipelines are created on first use.
 */
final class Pipelines implements AutoCloseable {
    /** The pipeline variants. */
    enum Kind {
        /** Filled triangles. */
        FILL("mesh.vert", "mesh.frag", VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST, VK_POLYGON_MODE_FILL, false, true),
        /** Filled triangles pushed back in depth, so edges drawn after them win. */
        FILL_BEHIND_EDGES("mesh.vert", "mesh.frag", VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST, VK_POLYGON_MODE_FILL, true,
                true),
        /**
         * Triangle edges as lines (needs {@code fillModeNonSolid}), blended over the faces with the shader's alpha,
         * so a mesh denser than the pixels darkens instead of turning into a solid edge colour.
         */
        EDGES("mesh.vert", "mesh.frag", VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST, VK_POLYGON_MODE_LINE, false, false),
        /** Point splats. */
        POINTS("points.vert", "points.frag", VK_PRIMITIVE_TOPOLOGY_POINT_LIST, VK_POLYGON_MODE_FILL, false, true);

        final String vert;
        final String frag;
        final int topology;
        final int polygonMode;
        final boolean depthBias;
        final boolean depthWrite;

        Kind(String vert, String frag, int topology, int polygonMode, boolean depthBias, boolean depthWrite) {
            this.vert = vert;
            this.frag = frag;
            this.topology = topology;
            this.polygonMode = polygonMode;
            this.depthBias = depthBias;
            this.depthWrite = depthWrite;
        }
    }

    /** Variant flag: per-vertex colour-map positions at binding 2 (location 2), drawn through the colour map. */
    static final int SCALAR = 1;
    /** Variant flag: discards fragments beyond the clipping plane ({@code FrameParams} {@code clip}). */
    static final int CLIP = 2;
    /** Variant flag: per-vertex RGB colours at binding 2 (location 2); excludes {@link #SCALAR}. */
    static final int RGB = 4;

    private final VulkanContext ctx;
    private final long renderPass;
    private final long layout;
    private final Map<Integer, Long> pipelines = new HashMap<>();

    Pipelines(VulkanContext ctx) {
        this.ctx = ctx;
        try (MemoryStack s = stackPush()) {
            renderPass = createRenderPass(s);
            VkPushConstantRange.Buffer range = VkPushConstantRange.calloc(1, s)
                    .stageFlags(VK_SHADER_STAGE_VERTEX_BIT
                    | VK_SHADER_STAGE_FRAGMENT_BIT).offset(0).size(FrameParams.BYTES);
            LongBuffer p = s.mallocLong(1);
            check(vkCreatePipelineLayout(ctx.device(), VkPipelineLayoutCreateInfo.calloc(s).sType$Default()
                    .pPushConstantRanges(range), null, p), "vkCreatePipelineLayout");
            layout = p.get(0);
        }
    }

    private long createRenderPass(MemoryStack s) {
        VkAttachmentDescription.Buffer att = VkAttachmentDescription.calloc(2, s);
        att.get(0).format(OffscreenTarget.COLOR_FORMAT).samples(VK_SAMPLE_COUNT_1_BIT)
                .loadOp(VK_ATTACHMENT_LOAD_OP_CLEAR).storeOp(VK_ATTACHMENT_STORE_OP_STORE)
                .stencilLoadOp(VK_ATTACHMENT_LOAD_OP_DONT_CARE).stencilStoreOp(VK_ATTACHMENT_STORE_OP_DONT_CARE)
                .initialLayout(VK_IMAGE_LAYOUT_UNDEFINED).finalLayout(VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
        att.get(1).format(OffscreenTarget.DEPTH_FORMAT).samples(VK_SAMPLE_COUNT_1_BIT)
                .loadOp(VK_ATTACHMENT_LOAD_OP_CLEAR).storeOp(VK_ATTACHMENT_STORE_OP_DONT_CARE)
                .stencilLoadOp(VK_ATTACHMENT_LOAD_OP_DONT_CARE).stencilStoreOp(VK_ATTACHMENT_STORE_OP_DONT_CARE)
                .initialLayout(VK_IMAGE_LAYOUT_UNDEFINED).finalLayout(VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL);
        VkAttachmentReference.Buffer colorRef = VkAttachmentReference.calloc(1, s)
                .attachment(0).layout(VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
        VkAttachmentReference depthRef = VkAttachmentReference.calloc(s)
                .attachment(1).layout(VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL);
        VkSubpassDescription.Buffer sub = VkSubpassDescription.calloc(1, s)
                .pipelineBindPoint(VK_PIPELINE_BIND_POINT_GRAPHICS).colorAttachmentCount(1)
                .pColorAttachments(colorRef).pDepthStencilAttachment(depthRef);
        int attachStages = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT
                | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
        VkSubpassDependency.Buffer deps = VkSubpassDependency.calloc(2, s);
        deps.get(0).srcSubpass(VK_SUBPASS_EXTERNAL).dstSubpass(0)
                .srcStageMask(attachStages | VK_PIPELINE_STAGE_TRANSFER_BIT).dstStageMask(attachStages)
                .srcAccessMask(VK_ACCESS_TRANSFER_READ_BIT)
                .dstAccessMask(VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT
                        | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT);
        deps.get(1).srcSubpass(0).dstSubpass(VK_SUBPASS_EXTERNAL)
                .srcStageMask(VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT)
                .dstStageMask(VK_PIPELINE_STAGE_TRANSFER_BIT)
                .srcAccessMask(VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT).dstAccessMask(VK_ACCESS_TRANSFER_READ_BIT);
        LongBuffer p = s.mallocLong(1);
        check(vkCreateRenderPass(ctx.device(), VkRenderPassCreateInfo.calloc(s).sType$Default()
                .pAttachments(att).pSubpasses(sub).pDependencies(deps), null, p), "vkCreateRenderPass");
        return p.get(0);
    }

    long renderPass() {
        return renderPass;
    }

    long layout() {
        return layout;
    }

    /** The plain pipeline of {@code kind}, created on first use. */
    long get(Kind kind) {
        return get(kind, 0);
    }

    /** The pipeline of {@code kind} with the {@code variant} flags ({@link #SCALAR}, {@link #CLIP}). */
    long get(Kind kind, int variant) {
        if ((variant & ~(SCALAR | CLIP | RGB)) != 0 || (variant & (SCALAR | RGB)) == (SCALAR | RGB)) {
            throw new IllegalArgumentException("pipeline variant " + variant + "; expected SCALAR or RGB or neither, "
                    + "with or without CLIP");
        }
        return pipelines.computeIfAbsent(kind.ordinal() * 8 + variant, k -> create(kind, variant));
    }

    private long create(Kind kind, int variant) {
        List<String> defines = new ArrayList<>();
        if ((variant & SCALAR) != 0) {
            defines.add("SCALAR");
        }
        if ((variant & RGB) != 0) {
            defines.add("RGB");
        }
        if ((variant & CLIP) != 0) {
            defines.add("CLIP");
        }
        long vert = ShaderLibrary.module(ctx.device(), kind.vert, defines);
        long frag = ShaderLibrary.module(ctx.device(), kind.frag, defines);
        try (MemoryStack s = stackPush()) {
            VkPipelineShaderStageCreateInfo.Buffer stages = VkPipelineShaderStageCreateInfo.calloc(2, s);
            stages.get(0).sType$Default().stage(VK_SHADER_STAGE_VERTEX_BIT).module(vert).pName(s.UTF8("main"));
            stages.get(1).sType$Default().stage(VK_SHADER_STAGE_FRAGMENT_BIT).module(frag).pName(s.UTF8("main"));
            int streams = (variant & (SCALAR | RGB)) != 0 ? 3 : 2;
            VkVertexInputBindingDescription.Buffer bindings = VkVertexInputBindingDescription.calloc(streams, s);
            VkVertexInputAttributeDescription.Buffer attrs = VkVertexInputAttributeDescription.calloc(streams, s);
            for (int i = 0; i < 2; i++) {
                bindings.get(i).binding(i).stride(12).inputRate(VK_VERTEX_INPUT_RATE_VERTEX);
                attrs.get(i).location(i).binding(i).format(VK_FORMAT_R32G32B32_SFLOAT).offset(0);
            }
            if ((variant & SCALAR) != 0) {
                bindings.get(2).binding(2).stride(4).inputRate(VK_VERTEX_INPUT_RATE_VERTEX);
                attrs.get(2).location(2).binding(2).format(VK_FORMAT_R32_SFLOAT).offset(0);
            } else if ((variant & RGB) != 0) {
                bindings.get(2).binding(2).stride(12).inputRate(VK_VERTEX_INPUT_RATE_VERTEX);
                attrs.get(2).location(2).binding(2).format(VK_FORMAT_R32G32B32_SFLOAT).offset(0);
            }
            VkGraphicsPipelineCreateInfo.Buffer ci = VkGraphicsPipelineCreateInfo.calloc(1, s).sType$Default()
                    .pStages(stages)
                    .pVertexInputState(VkPipelineVertexInputStateCreateInfo.calloc(s).sType$Default()
                            .pVertexBindingDescriptions(bindings).pVertexAttributeDescriptions(attrs))
                    .pInputAssemblyState(VkPipelineInputAssemblyStateCreateInfo.calloc(s).sType$Default()
                            .topology(kind.topology))
                    .pViewportState(VkPipelineViewportStateCreateInfo.calloc(s).sType$Default()
                            .viewportCount(1).scissorCount(1))
                    .pRasterizationState(VkPipelineRasterizationStateCreateInfo.calloc(s).sType$Default()
                            .polygonMode(kind.polygonMode).cullMode(VK_CULL_MODE_NONE)
                            .frontFace(VK_FRONT_FACE_COUNTER_CLOCKWISE).lineWidth(1f)
                            .depthBiasEnable(kind.depthBias).depthBiasConstantFactor(kind.depthBias ? 1f : 0f)
                            .depthBiasSlopeFactor(kind.depthBias ? 1f : 0f))
                    .pMultisampleState(VkPipelineMultisampleStateCreateInfo.calloc(s).sType$Default()
                            .rasterizationSamples(VK_SAMPLE_COUNT_1_BIT))
                    .pDepthStencilState(VkPipelineDepthStencilStateCreateInfo.calloc(s).sType$Default()
                            .depthTestEnable(true).depthWriteEnable(kind.depthWrite)
                            .depthCompareOp(VK_COMPARE_OP_LESS_OR_EQUAL))
                    .pColorBlendState(VkPipelineColorBlendStateCreateInfo.calloc(s).sType$Default()
                            .pAttachments(blend(s, kind == Kind.EDGES)))
                    .pDynamicState(VkPipelineDynamicStateCreateInfo.calloc(s).sType$Default()
                            .pDynamicStates(s.ints(VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR)))
                    .layout(layout).renderPass(renderPass).subpass(0);
            LongBuffer p = s.mallocLong(1);
            check(vkCreateGraphicsPipelines(ctx.device(), VK_NULL_HANDLE, ci, null, p),
                    "vkCreateGraphicsPipelines(" + kind + " " + defines + ")");
            return p.get(0);
        } finally {
            vkDestroyShaderModule(ctx.device(), vert, null);
            vkDestroyShaderModule(ctx.device(), frag, null);
        }
    }

    private static VkPipelineColorBlendAttachmentState.Buffer blend(MemoryStack s, boolean on) {
        VkPipelineColorBlendAttachmentState.Buffer b = VkPipelineColorBlendAttachmentState.calloc(1,
                s).colorWriteMask(0xF);
        if (on) {
            b.get(0).blendEnable(true).srcColorBlendFactor(VK_BLEND_FACTOR_SRC_ALPHA)
                    .dstColorBlendFactor(VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA).colorBlendOp(VK_BLEND_OP_ADD)
                    .srcAlphaBlendFactor(VK_BLEND_FACTOR_ONE).dstAlphaBlendFactor(VK_BLEND_FACTOR_ZERO)
                    .alphaBlendOp(VK_BLEND_OP_ADD);
        }
        return b;
    }

    @Override
    public void close() {
        for (long p : pipelines.values()) {
            vkDestroyPipeline(ctx.device(), p, null);
        }
        vkDestroyPipelineLayout(ctx.device(), layout, null);
        vkDestroyRenderPass(ctx.device(), renderPass, null);
    }
}
