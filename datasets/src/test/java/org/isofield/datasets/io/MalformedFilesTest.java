package org.isofield.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isofield.core.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the malformed corpus ({@code resources/.../io/malformed}; the binary ones come from
 * {@code src/test/scripts/make_malformed_binary.py}) fails with a {@link FormatException} whose message starts
 * with the file and position and says what was found and expected.
 */
class MalformedFilesTest {
    private static Arguments row(String file, String position, String... words) {
        return Arguments.of(file, position, List.of(words));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                row("empty.ply", ": ", "empty file", "expected PLY data"),
                row("empty.obj", ": ", "empty file", "expected OBJ data"),
                row("ply-bad-magic.ply", ":1: ", "found \"plyx\"", "expected \"ply\" as the first line"),
                row("ply-missing-end-header.ply", ":6: ", "file ends inside the header", "expected an end_header line"),
                row("ply-unknown-format.ply", ":2: ", "unknown format \"binary_middle_endian\"",
                        "expected ascii, binary_little_endian or binary_big_endian"),
                row("ply-unknown-property-type.ply", ":4: ", "unknown property type \"float16\"", "expected one of",
                        "float/float32"),
                row("ply-unknown-header-line.ply", ":3: ", "unknown header line \"elemnt vertex 1\"",
                "expected format"),
                row("ply-property-before-element.ply", ":3: ", "before any element",
                "expected \"element <name> <count>\""),
                row("ply-absurd-count.ply", ":4: ", "declares 4000000000 records", "at most 715827879"),
                row("ply-counts-exceed-file.ply", ":7: ", "declares 1000 vertex records",
                "only 12 bytes follow the header"),
                row("ply-fewer-lines.ply", ":10: ", "file ends after 3 of 4 vertex records", "expected 4"),
                row("ply-more-lines.ply", ":10: ", "found \"0 1 0\" after the last element",
                "expected the file to end"),
                row("ply-non-numeric.ply", ":9: ", "found \"abc\" where property \"y\" of element vertex was expected",
                        "expected a number"),
                row("ply-too-few-values.ply", ":9: ", "line ends where property \"z\" of element vertex was expected"),
                row("ply-extra-values.ply", ":9: ", "found 1 extra value \"7\"", "expected the line to end"),
                row("ply-face-index-out-of-range.ply", ":13: ", "face vertex index is 5", "expected 0 to 2"),
                row("ply-face-too-few-vertices.ply", ":13: ", "face has 2 vertices", "expected at least 3"),
                row("ply-nan.ply", ":9: ", "vertex 1 has a non-finite position", "dropNonFinite"),
                row("ply-missing-x.ply", ":3: ", "element vertex has no property \"x\"", "expected x, y and z"),
                row("ply-list-x.ply", ":4: ", "vertex property \"x\" declared as list", "expected a scalar type"),
                row("ply-no-vertex-element.ply", ":7: ", "no vertex element", "expected \"element vertex <count>\""),
                row("ply-face-without-indices.ply", ":7: ", "element face has no vertex_indices list"),
                row("ply-float-list-count.ply", ":8: ", "list count type float", "expected an integer type"),
                row("ply-binary-truncated.ply", ": byte 115: ", "declares 3 vertex records, at least 36 bytes",
                        "only 30 bytes follow the header"),
                row("ply-binary-truncated-in-face.ply", ": byte 206: ", "file ends inside face 0 of 1", "truncated"),
                row("ply-binary-index-out-of-range.ply", ": byte 214: ", "face 0 has vertex index 7",
                "expected 0 to 2"),
                row("ply-binary-nan.ply", ": byte 127: ", "vertex 1 has a non-finite position (NaN, 0.0, 0.0)"),
                row("ply-binary-trailing-bytes.ply", ": byte 151: ", "5 bytes follow the last element",
                        "expected the file to end here"),
                row("ply-binary-negative-list-count.ply", ": byte 204: ", "has -3 items", "expected 0 or more"),
                row("ply-binary-huge-list-count.ply", ": byte 205: ", "file ends inside face 0 of 1",
                        "4294967280 vertex indices"),
                row("obj-unknown-statement.obj", ":3: ", "unknown statement \"vx\"", "expected v, vn, vt, f"),
                row("obj-index-out-of-range.obj", ":5: ", "face vertex index 9 is out of range", "expected 1 to 3"),
                row("obj-negative-index-before-first.obj", ":4: ", "index -5 reaches before the first vertex",
                        "expected -1 to -3"),
                row("obj-zero-index.obj", ":4: ", "found \"0\" in a face", "whole numbers from 1"),
                row("obj-too-few-face-vertices.obj", ":4: ", "face has 2 vertices", "expected at least 3"),
                row("obj-non-numeric.obj", ":2: ", "found \"x\" where y of a vertex was expected", "expected a number"),
                row("obj-inf.obj", ":2: ", "vertex 1 has a non-finite position (Infinity, 0.0, 0.0)"),
                row("obj-too-few-coordinates.obj", ":2: ", "line ends where z of a vertex was expected"),
                row("obj-normal-index-out-of-range.obj", ":5: ", "face normal index 4 is out of range",
                        "(the file has 1 normal)"),
                row("obj-bad-face-token.obj", ":4: ", "found \"1/a/1\" in a face", "texture indices as whole numbers"),
                row("off-bad-header.off", ":1: ", "found \"OFX\"", "expected an OFF header"),
                row("off-fewer-vertices.off", ":6: ", "file ends after 3 of 4 vertices", "expected 4"),
                row("off-index-out-of-range.off", ":6: ", "face vertex index is 4", "expected 0 to 2"),
                row("off-absurd-count.off", ":2: ", "vertex count is 4000000000", "expected 0 to 715827879"),
                row("off-counts-exceed-file.off", ":2: ", "declare 1000 vertices and 2000 faces",
                "only 6 bytes follow"),
                row("off-extra-data.off", ":7: ", "after the last face", "declares 3 vertices and 1 face)"),
                row("off-nan.off", ":4: ", "vertex 1 has a non-finite position (1.0, 0.0, NaN)"),
                row("off-wrong-vertex-columns.off", ":4: ", "vertex line has 5 values", "expected x y z nx ny nz"),
                row("xyz-wrong-column-count.xyz", ":4: ", "found 4 values", "expected 3 like line 2"),
                row("xyz-first-line-bad-columns.xyz", ":1: ", "found 5 values", "expected 3 (x y z) or 6"),
                row("xyz-non-numeric.xyz", ":2: ", "found \"1.2.3\" where x was expected", "expected a number"),
                row("xyz-only-comments.xyz", ": ", "no points in 3 lines", "expected lines of x y z"),
                row("xyz-nan.xyz", ":3: ", "vertex 2 has a non-finite position (0.0, NaN, 0.0)"),
                row("stl-ascii-missing-endloop.stl", ":7: ", "found \"endfacet\"", "expected vertex x y z or endloop"),
                row("stl-ascii-truncated.stl", ":5: ", "file ends inside a solid", "expected the rest of facet 0"),
                row("stl-ascii-two-vertices.stl", ":6: ", "facet 0 has 2 vertices", "expected 3"),
                row("stl-ascii-non-numeric.stl", ":5: ", "found \"zero\" where z of a vertex was expected"),
                row("stl-binary-size-mismatch.stl", ": byte 80: ", "declares 10 triangles", "84 + 50 x 10 = 584 bytes",
                        "the file has 184 bytes"),
                row("stl-binary-nan.stl", ": byte 146: ", "triangle 1 has a non-finite corner"),
                row("stl-binary-solid-header-truncated.stl", ": byte 80: ", "declares 3 triangles", "has 204 bytes"),
                row("stl-too-short.stl", ": ", "only 40 bytes", "too short for a binary STL",
                        "not an ascii STL"));
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(MalformedFilesTest.class.getResource("malformed").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedFileFailsWithPositionAndExplanation(String name, String position, List<String> words)
            throws URISyntaxException {
        Path file = dir().resolve(name);

        assertThatThrownBy(() -> GeometryIO.read(file))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(name + position)
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    @Test
    void corpusTableCoversEveryFileInTheFolder() throws IOException, URISyntaxException {
        List<String> listed = corpus().map(a -> (String) a.get()[0]).sorted().collect(Collectors.toList());
        List<String> present;
        try (Stream<Path> files = Files.list(dir())) {
            present = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }

        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(present).hasSizeGreaterThanOrEqualTo(30);
    }
}
