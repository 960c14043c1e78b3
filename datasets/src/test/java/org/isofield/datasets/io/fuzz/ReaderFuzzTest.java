package org.isofield.datasets.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.isofield.datasets.io.GeometryIO;

/**
 * Coverage-guided fuzzing of every geometry reader with Jazzer: whatever the bytes, a reader returns data or throws
 * {@link FormatException}; any other exception, an error or a hang is a finding. In the default test run each method
 * replays its regression corpus (the seed files and every finding fixed so far, under
 * {@code src/test/resources/org/isofield/datasets/io/fuzz/ReaderFuzzTestInputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} one method at a time is fuzzed for real ({@code scripts/fuzz.sh}, one Maven execution per
 * method, since Jazzer fuzzes one test per JVM).
 */
class ReaderFuzzTest {
    @FuzzTest(maxExecutions = 20_000)
    void ply(byte[] data) throws IOException {
        read(data, "ply");
    }

    @FuzzTest(maxExecutions = 20_000)
    void obj(byte[] data) throws IOException {
        read(data, "obj");
    }

    @FuzzTest(maxExecutions = 20_000)
    void off(byte[] data) throws IOException {
        read(data, "off");
    }

    @FuzzTest(maxExecutions = 20_000)
    void xyz(byte[] data) throws IOException {
        read(data, "xyz");
    }

    @FuzzTest(maxExecutions = 20_000)
    void stl(byte[] data) throws IOException {
        read(data, "stl");
    }

    @FuzzTest(maxExecutions = 20_000)
    void pcd(byte[] data) throws IOException {
        read(data, "pcd");
    }

    @FuzzTest(maxExecutions = 20_000)
    void las(byte[] data) throws IOException {
        read(data, "las");
    }

    @FuzzTest(maxExecutions = 20_000)
    void gz(byte[] data) throws IOException {
        read(data, "ply.gz");
    }

    /** Reads {@code data} as a file with extension {@code ext}; only {@link FormatException} may come out. */
    static void read(byte[] data, String ext) throws IOException {
        Path f = Files.createTempFile("isofield-fuzz", "." + ext);
        try {
            Files.write(f, data);
            GeometryIO.read(f);
        } catch (FormatException expected) {
            // malformed input, reported as such: the contract
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
