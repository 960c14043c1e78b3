package org.isofield.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isofield.core.IsofieldException;
import org.isofield.core.io.OutputExistsException;
import org.isofield.datasets.geom.Aabb;
import org.isofield.render.scene.Camera;
import org.isofield.render.scene.DrawStyle;
import org.isofield.render.scene.RenderItem;
import org.isofield.render.scene.TileLayout;
import org.isofield.render.vulkan.FieldTracer;
import org.isofield.render.vulkan.GpuGeometry;
import org.isofield.render.vulkan.OffscreenRenderer;

/**
 * One-call offscreen rendering: draws each item in its own tile of one image ({@link TileLayout}); fields are
 * sphere-traced ({@link FieldTracer}, shaded or normals; wireframe and points modes draw them shaded). Under
 * {@link RenderOptions#framing()} the tiles share one camera that frames the union of the bounds (sizes and positions
 * compare across tiles) or each gets its own. With more than one item each tile is labelled with its item's label
 * (drawn with Java2D on the read-back image). {@link RenderOptions#clip()} cuts meshes and point clouds (fields are not
 * clipped); {@link RenderOptions#colorBar()} adds a band under the tiles with the legend of colour-mapped items
 * ({@link org.isofield.render.scene.DistanceColoring}).
 *
 * <p>Errors: no Vulkan driver is a {@link org.isofield.core.BackendUnavailableException} naming the package to
 * install; with {@link RenderOptions#validation()} any validation warning or error is an {@link IsofieldException}
 * listing them.
 */
public final class Renderings {
    private Renderings() {
    }

    /** Renders {@code items} into one {@code options.width() x options.height()} image. */
    public static BufferedImage render(List<RenderItem> items, RenderOptions options) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to render; expected at least one input");
        }
        int band = options.colorBar() == null ? 0 : ColorBarPainter.bandHeight(options.height());
        if (band > 0 && options.height() - band < 16) {
            throw new IllegalArgumentException("image height " + options.height()
                    + " leaves no room for the colour bar ("
                    + band + " pixels); expected at least " + (band + 16));
        }
        TileLayout layout = TileLayout.of(items.size(), options.width(), options.height() - band);
        Aabb bounds = Aabb.EMPTY;
        for (RenderItem item : items) {
            bounds = bounds.union(item.bounds());
        }
        double aspect = (double) layout.tileWidth() / layout.tileHeight();
        boolean shared = options.framing().shared(items);
        Camera sharedCamera = Camera.framing(bounds, options.view(), aspect);
        DrawStyle style = DrawStyle.of(options.mode(), options.background())
                .withClip(options.clip() == null ? null : options.clip().at(bounds));
        BufferedImage out = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try (OffscreenRenderer renderer = OffscreenRenderer.open(options.validation())) {
            g.setColor(new Color(options.background().toRgb24()));
            g.fillRect(0, 0, options.width(), options.height());
            for (int i = 0; i < items.size(); i++) {
                int w = layout.x1(i) - layout.x0(i);
                int h = layout.y1(i) - layout.y0(i);
                Camera camera = shared ? sharedCamera : Camera.framing(items.get(i).bounds(), options.view(), aspect);
                g.drawImage(tile(renderer, items.get(i), camera, style, w, h), layout.x0(i), layout.y0(i), null);
            }
            List<String> messages = renderer.context().validationMessages();
            if (options.validation() && !messages.isEmpty()) {
                throw new IsofieldException("vulkan validation reported " + messages.size() + " problem(s); expected "
                        + "none. First: " + messages.get(0));
            }
            if (items.size() > 1) {
                drawLabels(g, items, layout, options);
            }
            if (band > 0) {
                ColorBarPainter.paint(out, g, options.colorBar(), 0, options.height() - band, options.width(), band,
                        options.background());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** One tile: a field is sphere-traced, other items are rasterised. */
    private static BufferedImage tile(OffscreenRenderer renderer, RenderItem item, Camera camera, DrawStyle style,
                                      int w, int h) {
        if (item.field() != null) {
            try (FieldTracer tracer = new FieldTracer(renderer.context(), item.field())) {
                return tracer.render(camera, style, w, h);
            }
        }
        try (GpuGeometry geometry = renderer.upload(item)) {
            return renderer.render(geometry, camera, style, w, h);
        }
    }

    /** Renders and writes a PNG atomically. */
    public static void renderToPng(List<RenderItem> items, RenderOptions options, Path target, boolean overwrite) {
        if (!overwrite && Files.exists(target)) {
            throw new OutputExistsException(target);
        }
        PngFiles.write(render(items, options), target, overwrite);
    }

    private static void drawLabels(Graphics2D g, List<RenderItem> items, TileLayout layout, RenderOptions options) {
        int size = Labels.size(layout.tileHeight());
        FontMetrics fm = Labels.prepare(g, size, options.background());
        int pad = Math.max(4, size / 2);
        for (int i = 0; i < items.size(); i++) {
            String text = Labels.fit(items.get(i).label(), fm, layout.x1(i) - layout.x0(i) - 2 * pad);
            g.drawString(text, layout.x0(i) + pad, layout.y0(i) + pad + fm.getAscent());
        }
    }
}
