package org.isofield.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.isofield.render.scene.ColorBar;
import org.isofield.render.scene.Rgb;

/**
 * Draws a {@link ColorBar} into a band of an image: the caption on the first line, then the gradient strip (one
 * colour per pixel column, sampled from the map at the column's centre), then tick labels at 0, half the scale and
 * the scale (the last one marked {@code >=}, since larger values saturate). The middle tick is left out when the
 * labels would overlap. Text uses the tile labels' font ({@link Labels}).
 */
final class ColorBarPainter {
    private ColorBarPainter() {
    }

    /** The band height for an image {@code height} pixels tall: three text lines of the label font. */
    static int bandHeight(int height) {
        return 4 * Labels.size(height) + 12;
    }

    /** The font size of a band {@code bandHeight} pixels tall (the inverse of {@link #bandHeight}). */
    private static int fontSize(int bandHeight) {
        return Math.max(10, (bandHeight - 12) / 4);
    }

    /** The gradient strip inside a band at {@code (x, y, width, height)} of the image. */
    static Rectangle strip(int x, int y, int width, int height) {
        int size = fontSize(height);
        int pad = Math.max(6, width / 40);
        int top = y + 3 + (int) Math.round(1.3 * size);
        return new Rectangle(x + pad, top, Math.max(1, width - 2 * pad), Math.max(3, (int) Math.round(0.9 * size)));
    }

    /** Paints {@code bar} into the band {@code (x, y, width, height)} of {@code image} over {@code background}. */
    static void paint(BufferedImage image, Graphics2D g, ColorBar bar, int x, int y, int width, int height,
                      Rgb background) {
        int size = fontSize(height);
        int tick = Math.max(2, size / 3);
        g.setColor(new Color(background.toRgb24()));
        g.fillRect(x, y, width, height);
        Rectangle r = strip(x, y, width, height);
        for (int i = 0; i < r.width; i++) {
            int rgb = bar.map().at((i + 0.5) / r.width).toRgb24();
            for (int j = 0; j < r.height; j++) {
                if (r.x + i < image.getWidth() && r.y + j < image.getHeight()) {
                    image.setRGB(r.x + i, r.y + j, rgb);
                }
            }
        }
        FontMetrics fm = Labels.prepare(g, size, background);
        g.drawString(Labels.fit(bar.title(), fm, r.width), r.x, y + 1 + fm.getAscent());
        int base = r.y + r.height + tick + fm.getAscent();
        String first = bar.tick(0);
        String mid = bar.tick(bar.scale() / 2);
        int wFirst = fm.stringWidth(first);
        String last = Labels.fit("\u2265" + bar.tick(bar.scale()), fm, Math.max(0, r.width - wFirst - 4));
        int wLast = fm.stringWidth(last);
        g.drawString(first, r.x, base);
        g.drawString(last, r.x + r.width - wLast, base);
        int wMid = fm.stringWidth(mid);
        int midX = r.x + r.width / 2 - wMid / 2;
        if (midX > r.x + wFirst + 6 && midX + wMid < r.x + r.width - wLast - 6) {
            g.drawString(mid, midX, base);
        }
        g.drawLine(r.x, r.y + r.height, r.x, r.y + r.height + tick);
        g.drawLine(r.x + r.width / 2, r.y + r.height, r.x + r.width / 2, r.y + r.height + tick);
        g.drawLine(r.x + r.width - 1, r.y + r.height, r.x + r.width - 1, r.y + r.height + tick);
    }
}
