package org.isofield.datasets.io.off;

import org.isofield.datasets.io.internal.TextInput;

/**
 * The keyword that starts an OFF file, {@code [ST][C][N]OFF}: which optional vertex columns follow x y z.
 *
 * @param textures {@code ST}: two texture coordinates end each vertex line
 * @param colors   {@code C}: a colour (3 or 4 values) follows the normal
 * @param normals  {@code N}: a normal follows x y z
 */
record OffHeader(boolean textures, boolean colors, boolean normals) {
    /** Parses the current token. */
    static OffHeader parse(TextInput in) {
        String k = in.tokenString();
        boolean st = k.startsWith("ST");
        String rest = st ? k.substring(2) : k;
        boolean c = rest.startsWith("C");
        rest = c ? rest.substring(1) : rest;
        boolean n = rest.startsWith("N");
        rest = n ? rest.substring(1) : rest;
        if (rest.equals("4OFF") || rest.equals("nOFF") || rest.equals("4nOFF")) {
            throw in.error("header " + in.token() + " describes 4D or n-dimensional data; expected 3D OFF, NOFF, COFF "
                    + "or CNOFF");
        }
        if (!rest.equals("OFF")) {
            throw in.error("found " + in.token()
                    + "; expected an OFF header (OFF, NOFF, COFF, CNOFF, optionally with ST)");
        }
        return new OffHeader(st, c, n);
    }

    /** The vertex line layout, for messages. */
    String describeVertex() {
        return "x y z" + (normals ? " nx ny nz" : "") + (colors ? " r g b [a]" : "") + (textures ? " s t" : "");
    }
}
