package org.isofield.render.vulkan;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.*;

import java.nio.ByteBuffer;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderMode;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.lwjgl.vulkan.VkRect2D;
import org.lwjgl.vulkan.VkViewport;

/**
 * Records the draws of one item into a rectangle of the current render pass: viewport and scissor, vertex buffers,
 * push constants and the pipelines of the draw mode (faces; faces then edges; or splats). Items with colour-map values
 * use the {@link Pipelines#SCALAR} variants, a style with a clipping plane the {@link Pipelines#CLIP} variants; the
 * plain path binds the plain pipelines. Shared by the offscreen renderer and the viewer.
 */
final class SceneRecorder {
    /**
     * Splat radius in units of the point spacing (the square root of the area per point): at 1, randomly placed
     * samples leave about e^-pi = 4% of a face-on surface uncovered, less where it is seen at an angle.
     */
    static final double SPLAT_RADIUS = 1.0;
    private static final System.Logger LOG = System.getLogger(SceneRecorder.class.getName());

    private final VulkanContext ctx;
    private final Pipelines pipelines;

    SceneRecorder(VulkanContext ctx, Pipelines pipelines) {
        this.ctx = ctx;
        this.pipelines = pipelines;
    }

    /** Records {@code g} seen by {@code camera} into the rectangle {@code (x, y, width, height)} of the render pass. */
    void record(VkCommandBuffer cmd, GpuGeometry g, Camera camera, DrawStyle style, int x, int y, int width,
            int height) {
        try (MemoryStack s = stackPush()) {
            vkCmdSetViewport(cmd, 0, VkViewport.calloc(1,
                    s).x(x).y(y).width(width).height(height).minDepth(0).maxDepth(1));
            VkRect2D.Buffer scissor = VkRect2D.calloc(1, s);
            scissor.get(0).offset().set(x, y);
            scissor.get(0).extent().set(width, height);
            vkCmdSetScissor(cmd, 0, scissor);
            if (g.hasScalars() || g.hasColors()) {
                long third = g.hasScalars() ? g.scalarBuffer() : g.colorBuffer();
                vkCmdBindVertexBuffers(cmd, 0, s.longs(g.positionBuffer(), g.normalBuffer(), third),
                        s.longs(0, 0, 0));
            } else {
                vkCmdBindVertexBuffers(cmd, 0, s.longs(g.positionBuffer(), g.normalBuffer()), s.longs(0, 0));
            }
            RenderMode mode = style.mode();
            int clip = style.clip() != null ? Pipelines.CLIP : 0;
            int variant = clip | (g.hasScalars() ? Pipelines.SCALAR : g.hasColors() ? Pipelines.RGB : 0);
            if (!g.hasFaces() || mode == RenderMode.POINTS) {
                int shade = mode == RenderMode.NORMALS ? FrameParams.NORMALS : FrameParams.SHADED;
                push(cmd, s, g, camera, style, width, height, shade, SPLAT_RADIUS * g.spacing());
                vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.get(Pipelines.Kind.POINTS, variant));
                vkCmdDraw(cmd, g.vertexCount(), 1, 0, 0);
                return;
            }
            vkCmdBindIndexBuffer(cmd, g.indexBuffer(), 0, VK_INDEX_TYPE_UINT32);
            boolean edges = mode == RenderMode.WIREFRAME && ctx.physical().fillModeNonSolid();
            if (mode == RenderMode.WIREFRAME && !edges) {
                LOG.log(System.Logger.Level.WARNING, "this Vulkan device cannot draw lines (no fillModeNonSolid); "
                        + "drawing the wireframe mode as shaded");
            }
            push(cmd, s, g, camera, style, width, height,
                    mode == RenderMode.NORMALS ? FrameParams.NORMALS : FrameParams.SHADED, 0);
            vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                    pipelines.get(edges ? Pipelines.Kind.FILL_BEHIND_EDGES : Pipelines.Kind.FILL, variant));
            vkCmdDrawIndexed(cmd, g.indexCount(), 1, 0, 0, 0);
            if (edges) {
                push(cmd, s, g, camera, new DrawStyle(mode, style.background(), style.edges(), style.edges(),
                        style.clip()), width, height, FrameParams.FLAT, 0);
                vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipelines.get(Pipelines.Kind.EDGES, clip));
                vkCmdDrawIndexed(cmd, g.indexCount(), 1, 0, 0, 0);
            }
        }
    }

    private void push(VkCommandBuffer cmd, MemoryStack s, GpuGeometry g, Camera camera, DrawStyle style, int width,
                      int height, int shade, double splatRadius) {
        ByteBuffer pc = s.malloc(FrameParams.BYTES);
        FrameParams.write(pc, camera, g.origin(), width, height, ctx.physical().maxPointSize(), style.surface(), shade,
                splatRadius, g.hasNormals(), splatRadius > 0, style.clip() == null ? null
                : style.clip().inModel(g.origin()));
        vkCmdPushConstants(cmd, pipelines.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, pc);
    }
}
