package org.isofield.render.scene;

import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;

/**
 * Orbit, pan and zoom around a bounding box, as a viewer's mouse and keys drive them: dragging by the image height
 * turns the view by 180 degrees, a scroll step zooms by 10%, panning moves the target in the image plane by the
 * dragged fraction of the visible height. Elevation stays within [-89, 89] degrees. Not thread-safe.
 */
public final class OrbitControls {
    private final Aabb bounds;
    private final View start;
    private double azimuth;
    private double elevation;
    private double zoom;
    private double panRight;
    private double panUp;

    public OrbitControls(Aabb bounds, View start) {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("cannot orbit an empty bounding box");
        }
        this.bounds = bounds;
        this.start = start;
        reset();
    }

    /** Back to the start view, no zoom, no pan. */
    public void reset() {
        azimuth = start.azimuthDegrees();
        elevation = Math.max(-89, Math.min(89, start.elevationDegrees()));
        zoom = 1;
        panRight = 0;
        panUp = 0;
    }

    /** Turns the view by a drag of {@code (dx, dy)} pixels in an image {@code height} pixels tall. */
    public void rotate(double dx, double dy, int height) {
        azimuth -= 180 * dx / Math.max(1, height);
        elevation = Math.max(-89, Math.min(89, elevation + 180 * dy / Math.max(1, height)));
    }

    /** Zooms in by 10% per positive step (scroll up), out for negative steps; within 1/20 to 20 times the framing. */
    public void zoom(double steps) {
        zoom = Math.max(0.05, Math.min(20, zoom * Math.pow(0.9, steps)));
    }

    /** Moves the scene with a drag of {@code (dx, dy)} pixels in an image {@code height} pixels tall. */
    public void pan(double dx, double dy, int height) {
        double visible = 2 * zoom / Math.max(1, height);
        panRight -= dx * visible;
        panUp += dy * visible;
    }

    /** The current view direction. */
    public View view() {
        return new View(azimuth, elevation);
    }

    /** The camera for an image of width/height {@code aspect}. */
    public Camera camera(double aspect) {
        Camera base = Camera.framing(bounds, view(), aspect);
        Vec3d target = base.target();
        Vec3d back = base.eye().minus(target);
        double d = back.length();
        double r = Math.max(0.5 * bounds.diagonal(), 1e-9);
        Vec3d f = back.times(-1 / d);
        Vec3d up = base.up();
        Vec3d right = unit(cross(f, up));
        Vec3d camUp = cross(right, f);
        Vec3d shift = right.times(panRight * r).plus(camUp.times(panUp * r));
        Vec3d newTarget = target.plus(shift);
        Vec3d eye = newTarget.plus(back.times(zoom));
        double dist = d * zoom;
        double reach = 1.1 * r + shift.length();
        return new Camera(eye, newTarget, up, base.fovYDegrees(), Math.max(dist - reach, dist * 1e-3), dist + reach);
    }

    private static Vec3d cross(Vec3d a, Vec3d b) {
        return new Vec3d(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }

    private static Vec3d unit(Vec3d v) {
        return v.times(1 / v.length());
    }
}
