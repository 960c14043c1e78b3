package org.isofield.render.vulkan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.ClipPlane;
import org.isofield.render.scene.Rgb;
import org.joml.Matrix4f;

/**
 * The push constants of one draw, laid out as {@code frame_params.glsl} declares them: {@code mat4 mvp; vec4 eye;
 * vec4 color; vec4 params; vec4 clip;} (128 bytes, the least every Vulkan device offers; column-major, native byte
 * order).
 */
final class FrameParams {
    static final int BYTES = 128;
    /** Shader modes ({@code params.x}). */
    static final int SHADED = 0;
    static final int NORMALS = 1;
    static final int FLAT = 2;
    /** Opacity of edges drawn over faces. */
    static final float EDGE_ALPHA = 0.55f;

    private FrameParams() {
    }

    /**
     * Fills {@code out} (at least {@link #BYTES}, position 0) for a draw of geometry at {@code origin}.
     *
     * @param splatRadius splat radius in model units (0 for triangles)
     * @param hasNormals  whether a normal buffer is bound
     * @param pointEye    {@code eye.xyz} is the camera position in model coordinates (splats); otherwise the unit
     *                    vector from the target towards the eye (the headlight direction of triangles)
     * @param clip        the clipping plane in model coordinates ({@link ClipPlane#inModel}), or null for none
     */
    static ByteBuffer write(ByteBuffer out, Camera camera, Vec3d origin, int width, int height, float maxPointSize,
                            Rgb color, int mode, double splatRadius, boolean hasNormals, boolean pointEye,
                            float[] clip) {
        out.order(ByteOrder.nativeOrder());
        Matrix4f mvp = camera.modelViewProjection(origin, (double) width / height);
        mvp.get(0, out);
        Vec3d eye = pointEye ? camera.eye().minus(origin) : camera.viewDirection();
        out.putFloat(64, (float) eye.x()).putFloat(68, (float) eye.y()).putFloat(72, (float) eye.z())
                .putFloat(76, maxPointSize);
        out.putFloat(80, color.r()).putFloat(84, color.g()).putFloat(88, color.b()).putFloat(92, mode == FLAT
                ? EDGE_ALPHA : 1f);
        out.putFloat(96, mode).putFloat(100, (float) splatRadius)
                .putFloat(104, (float) camera.pixelsPerUnitAtDistanceOne(height)).putFloat(108, hasNormals ? 1f : 0f);
        float[] plane = clip != null ? clip : new float[] {0, 0, 0, 1};
        out.putFloat(112, plane[0]).putFloat(116, plane[1]).putFloat(120, plane[2]).putFloat(124, plane[3]);
        return out;
    }
}
