package org.isofield.render.scene;

/**
 * Where each of {@code n} inputs goes in an image: one row of up to three tiles, otherwise a near-square grid
 * filled row by row. Tile {@code i} spans {@code [x0(i), x1(i)) x [y0(i), y1(i))}; tiles of a row differ in width by at
 * most one pixel.
 *
 * @param count  number of tiles, at least 1
 * @param cols   columns
 * @param rows   rows
 * @param width  image width
 * @param height image height
 */
public record TileLayout(int count, int cols, int rows, int width, int height) {
    /** The layout of {@code count} tiles in a {@code width x height} image. */
    public static TileLayout of(int count, int width, int height) {
        if (count < 1) {
            throw new IllegalArgumentException("tile count = " + count + "; expected at least 1");
        }
        int cols = count <= 3 ? count : (int) Math.ceil(Math.sqrt(count));
        int rows = (count + cols - 1) / cols;
        if (width < cols || height < rows) {
            throw new IllegalArgumentException("image " + width + "x" + height + " is too small for " + count
                    + " tiles (" + cols + "x" + rows + ")");
        }
        return new TileLayout(count, cols, rows, width, height);
    }

    public int x0(int i) {
        return (i % cols) * width / cols;
    }

    public int x1(int i) {
        return (i % cols + 1) * width / cols;
    }

    public int y0(int i) {
        return (i / cols) * height / rows;
    }

    public int y1(int i) {
        return (i / cols + 1) * height / rows;
    }

    /** The width of the narrowest tile, which sets the camera's aspect for all of them. */
    public int tileWidth() {
        return width / cols;
    }

    /** The height of the lowest tile. */
    public int tileHeight() {
        return height / rows;
    }
}
