package org.isofield.render.scene;

import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;
import org.joml.Matrix4d;
import org.joml.Matrix4f;

/**
 * A perspective pinhole camera in world coordinates. Projection follows Vulkan: depth 0 (near) to 1 (far), and image
 * rows run downwards, so the camera's {@code up} appears at the top of the image.
 *
 * @param eye           camera position
 * @param target        the point looked at (the image centre)
 * @param up            a direction not parallel to {@code target - eye} that appears as up
 * @param fovYDegrees   vertical field of view, in (0, 180)
 * @param near          distance of the near plane, above 0
 * @param far           distance of the far plane, above {@code near}
 */
public record Camera(Vec3d eye, Vec3d target, Vec3d up, double fovYDegrees, double near, double far) {
    /** The vertical field of view of framed cameras. */
    public static final double DEFAULT_FOV_Y = 30;

    public Camera {
        if (!(fovYDegrees > 0 && fovYDegrees < 180)) {
            throw new IllegalArgumentException("camera fovY = " + fovYDegrees + "; expected 0 to 180 degrees");
        }
        if (!(near > 0 && far > near)) {
            throw new IllegalArgumentException("camera near = " + near + ", far = " + far
                    + "; expected 0 < near < far");
        }
        if (eye.minus(target).length() == 0) {
            throw new IllegalArgumentException("camera eye and target coincide at " + eye);
        }
    }

    /**
     * The camera that looks at the centre of {@code bounds} from {@code view} and fits the box's bounding sphere into
     * an image of width/height {@code aspect}, with a 5% margin.
     */
    public static Camera framing(Aabb bounds, View view, double aspect) {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("cannot frame an empty bounding box");
        }
        Vec3d c = bounds.center();
        double r = Math.max(0.5 * bounds.diagonal(), 1e-9 * Math.max(1, c.length()));
        double halfY = Math.toRadians(DEFAULT_FOV_Y) / 2;
        double halfX = Math.atan(Math.tan(halfY) * aspect);
        double d = 1.05 * r / Math.sin(Math.min(halfY, halfX));
        double[] dir = view.direction();
        double[] up = view.up();
        Vec3d eye = c.plus(new Vec3d(dir[0], dir[1], dir[2]).times(d));
        return new Camera(eye, c, new Vec3d(up[0], up[1], up[2]), DEFAULT_FOV_Y, Math.max(d - 1.1 * r, d * 1e-3),
                d + 1.1 * r);
    }

    /**
     * Model-view-projection for geometry whose float coordinates are relative to {@code origin}, computed in double
     * and rounded once, so data far from zero keeps its precision.
     */
    public Matrix4f modelViewProjection(Vec3d origin, double aspect) {
        Matrix4d proj = new Matrix4d().perspective(Math.toRadians(fovYDegrees), aspect, near, far, true);
        proj.m11(-proj.m11());   // Vulkan's image rows run downwards
        Matrix4d view = new Matrix4d().lookAt(eye.x(), eye.y(), eye.z(), target.x(), target.y(), target.z(),
                up.x(), up.y(), up.z());
        Matrix4d mvp = proj.mul(view).translate(origin.x(), origin.y(), origin.z());
        return new Matrix4f(mvp);
    }

    /** The unit vector from the target towards the eye. */
    public Vec3d viewDirection() {
        Vec3d d = eye.minus(target);
        return d.times(1 / d.length());
    }

    /** Pixels per unit of height at view distance 1, for an image {@code heightPixels} tall. */
    public double pixelsPerUnitAtDistanceOne(int heightPixels) {
        return 0.5 * heightPixels / Math.tan(Math.toRadians(fovYDegrees) / 2);
    }
}
