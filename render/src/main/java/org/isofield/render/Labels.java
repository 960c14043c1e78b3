package org.isofield.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import org.isofield.render.scene.Rgb;

/** Text drawn into rendered images (tile labels, colour-bar ticks): one font size rule and an ink that reads. */
final class Labels {
    private Labels() {
    }

    /** The font size for tiles {@code tileHeight} pixels tall: 1/24 of it, 10 to 28 pixels. */
    static int size(int tileHeight) {
        return Math.max(10, Math.min(28, tileHeight / 24));
    }

    /** Sets anti-aliased sans-serif text of {@code size} pixels and the ink for {@code background}. */
    static FontMetrics prepare(Graphics2D g, int size, Rgb background) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        g.setColor(ink(background));
        return g.getFontMetrics();
    }

    /** Dark text on light backgrounds, light text on dark ones. */
    static Color ink(Rgb background) {
        return background.luminance() > 0.5 ? new Color(0x202020) : new Color(0xf0f0f0);
    }

    /** {@code text}, shortened from the left with an ellipsis until it fits {@code width} pixels. */
    static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        for (int cut = 1; cut < text.length(); cut++) {
            String t = "\u2026" + text.substring(cut);
            if (fm.stringWidth(t) <= width) {
                return t;
            }
        }
        return "";
    }
}
