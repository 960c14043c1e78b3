package org.isofield.datasets.io.stl;

import java.io.IOException;
import java.util.Arrays;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.ReadOptions;
import org.isofield.datasets.io.internal.GeometryBuilder;
import org.isofield.datasets.io.internal.TextInput;

/**
 * Reads ascii STL: {@code solid}, then facets of {@code facet normal ...}, {@code outer loop}, three (or more,
 * fan-triangulated) {@code vertex x y z} lines, {@code endloop}, {@code endfacet}, then {@code endsolid}. Several
 * solids may follow each other. Keywords must start their lines; anything else is an error at its line.
 */
final class StlAsciiReader {
    private enum State { SOLID, FACETS, LOOP, VERTICES, END_FACET }

    private final TextInput in;
    private final ReadOptions options;
    private final GeometryBuilder builder;
    private final VertexWelder welder;
    private double[] corners = new double[12];
    private float[] floats = new float[12];
    private int n;
    private boolean nonFinite;
    private long facets;

    StlAsciiReader(TextInput in, ReadOptions options) {
        this.in = in;
        this.options = options;
        this.builder = new GeometryBuilder(options.dropNonFinite(), 1 << 12).withFaces(1 << 13);
        this.welder = new VertexWelder(builder, 1 << 12);
    }

    GeometryData read() throws IOException {
        State state = State.SOLID;
        while (in.nextLine()) {
            if (!in.nextToken()) {
                continue;
            }
            state = switch (state) {
                case SOLID -> expect("solid", State.FACETS, "solid");
                case FACETS -> in.tokenIs("endsolid") ? State.SOLID : expect("facet", State.LOOP, "facet or endsolid");
                case LOOP -> outerLoop();
                case VERTICES -> in.tokenIs("endloop") ? endLoop() : vertex();
                case END_FACET -> expect("endfacet", State.FACETS, "endfacet");
            };
        }
        if (state != State.SOLID) {
            throw in.error("file ends inside a solid; expected " + (state == State.FACETS ? "facet or endsolid"
                    : "the rest of facet " + facets + " and endsolid"));
        }
        return builder.build(GeometryFormat.STL);
    }

    private State expect(String keyword, State next, String expected) {
        if (!in.tokenIs(keyword)) {
            throw in.error("found " + in.lineText() + "; expected " + expected);
        }
        return next;
    }

    private State outerLoop() {
        if (!in.tokenIs("outer") || !in.nextToken() || !in.tokenIs("loop")) {
            throw in.error("found " + in.lineText() + "; expected outer loop");
        }
        n = 0;
        nonFinite = false;
        return State.VERTICES;
    }

    private State vertex() {
        if (!in.tokenIs("vertex")) {
            throw in.error("found " + in.lineText() + "; expected vertex x y z or endloop");
        }
        if (3 * n + 3 > corners.length) {
            corners = Arrays.copyOf(corners, corners.length * 2);
            floats = Arrays.copyOf(floats, floats.length * 2);
        }
        for (int k = 0; k < 3; k++) {
            in.number(k == 0 ? "x of a vertex" : k == 1 ? "y of a vertex" : "z of a vertex");
            double d = in.value();
            corners[3 * n + k] = d;
            floats[3 * n + k] = in.floatValue();
            if (d - d != 0) {
                if (!options.dropNonFinite()) {
                    throw in.error("facet " + facets + " has a non-finite vertex " + in.token()
                            + "; expected finite numbers (ReadOptions.dropNonFinite drops such triangles)");
                }
                nonFinite = true;
            }
        }
        in.expectEnd("vertex x y z");
        n++;
        return State.VERTICES;
    }

    private State endLoop() {
        if (n < 3) {
            throw in.error("facet " + facets + " has " + n + " vertices; expected 3");
        }
        if (!nonFinite) {
            int first = corner(0);
            int prev = corner(1);
            for (int k = 2; k < n; k++) {
                int cur = corner(k);
                builder.addTriangle(first, prev, cur);
                prev = cur;
            }
        }
        facets++;
        return State.END_FACET;
    }

    private int corner(int k) {
        int i = 3 * k;
        return welder.vertex(corners[i], floats[i], corners[i + 1], floats[i + 1], corners[i + 2], floats[i + 2], in);
    }
}
