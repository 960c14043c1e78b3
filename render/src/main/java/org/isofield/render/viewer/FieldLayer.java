package org.isofield.render.viewer;

import static org.lwjgl.glfw.GLFW.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.isofield.render.scene.FieldSlice;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.vulkan.FieldTracer;
import org.isofield.render.vulkan.VulkanContext;

/**
 * The viewer's fields: one {@link FieldTracer} per field tile (null for the other tiles) and the distance slice they
 * share. Keys: D cycles the slice (off, x, y, z, off; a new axis starts at the middle), [ and ] move it by
 * {@link FieldSlice#KEY_STEP} of the unit cube.
 */
final class FieldLayer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FieldLayer.class.getName());

    private final List<FieldTracer> tracers = new ArrayList<>();
    private FieldSlice slice;

    /** Tracers for the field items of {@code items}; the slice starts as the first field's. */
    FieldLayer(VulkanContext ctx, List<RenderItem> items) {
        try {
            for (RenderItem item : items) {
                FieldTracer t = item.field() == null ? null : new FieldTracer(ctx, item.field());
                tracers.add(t);
                if (t != null && slice == null) {
                    slice = item.field().slice();
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        apply();
    }

    /** Per tile, the field's tracer or null. */
    List<FieldTracer> tiles() {
        return Collections.unmodifiableList(tracers);
    }

    boolean any() {
        return tracers.stream().anyMatch(t -> t != null);
    }

    FieldSlice slice() {
        return slice;
    }

    /** Acts on a slice key; false when {@code key} is not one, or there is no field. */
    boolean key(int key) {
        if (!any()) {
            return false;
        }
        switch (key) {
            case GLFW_KEY_D -> slice = FieldSlice.cycle(slice);
            case GLFW_KEY_LEFT_BRACKET -> {
                if (slice == null) {
                    return false;
                }
                slice = slice.moved(-FieldSlice.KEY_STEP);
            }
            case GLFW_KEY_RIGHT_BRACKET -> {
                if (slice == null) {
                    return false;
                }
                slice = slice.moved(FieldSlice.KEY_STEP);
            }
            default -> {
                return false;
            }
        }
        apply();
        LOG.log(System.Logger.Level.INFO, "distance slice " + (slice == null ? "off" : slice));
        return true;
    }

    private void apply() {
        for (FieldTracer t : tracers) {
            if (t != null) {
                t.setSlice(slice);
            }
        }
    }

    @Override
    public void close() {
        for (FieldTracer t : tracers) {
            if (t != null) {
                t.close();
            }
        }
    }
}
