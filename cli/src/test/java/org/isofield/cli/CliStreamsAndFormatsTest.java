package org.isofield.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.io.GeometryData;
import org.isofield.datasets.io.GeometryFormat;
import org.isofield.datasets.io.GeometryIO;
import org.isofield.datasets.io.PointClouds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** PCD, LAS and {@code .gz} through the commands, and {@code -} for standard input and output. */
@Isolated("replaces System.in and System.out")
class CliStreamsAndFormatsTest {
    @TempDir
    Path dir;

    private Path cloud() {
        float[] p = new float[300];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.sin(i * 0.37) * 3;
        }
        float[] in = new float[100];
        for (int i = 0; i < in.length; i++) {
            in[i] = 10 * i;
        }
        Path f = dir.resolve("c.ply");
        PointClouds.write(PointCloud.of(p).withScalars(Map.of("intensity", in)), f);
        return f;
    }

    @Test
    void convertsBetweenPlyPcdLasAndGzipKeepingIntensity() throws IOException {
        Path ply = cloud();
        Path gz = dir.resolve("c.ply.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(ply));
        }
        for (String ext : new String[] {"pcd", "las"}) {
            Path out = dir.resolve("c." + ext);
            CliTest.Result r = CliTest.run("convert", gz.toString(), out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            GeometryData d = GeometryIO.read(out);
            assertThat(d.format().name().toLowerCase()).isEqualTo(ext);
            assertThat(d.vertexCount()).isEqualTo(100);
            assertThat(d.scalars().get("intensity")[7]).isEqualTo(70f);
        }
    }

    @Test
    void standardInputToStandardOutputNeedsBothFormats() throws IOException {
        byte[] ply = Files.readAllBytes(cloud());
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliTest.Result r;
        try {
            System.setIn(new ByteArrayInputStream(ply));
            System.setOut(new PrintStream(captured, true));
            r = CliTest.run("convert", "-", "-", "--format", "ply", "--output-format", "xyz");
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).as("nothing but the data on standard output").isEmpty();
        assertThat(r.err()).contains("wrote -");
        Path back = dir.resolve("back.xyz");
        Files.write(back, captured.toByteArray());
        assertThat(PointClouds.read(back).size()).isEqualTo(100);
        assertThat(GeometryFormat.fromPath(back)).isEqualTo(GeometryFormat.XYZ);

        CliTest.Result noFormat = CliTest.run("convert", dir.resolve("c.ply").toString(), "-");
        assertThat(noFormat.code()).isEqualTo(2);
        assertThat(noFormat.err()).contains("--output-format");
    }

    @Test
    void reconstructRefusesStandardOutputWithAPointer() {
        CliTest.Result r = CliTest.run("reconstruct", cloud().toString(), "-o", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("-o -").contains("isofield convert");
    }
}
