package org.isofield.fields.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;

/**
 * Coverage-guided fuzzing of the {@code .isf} reader with Jazzer, as {@code ReaderFuzzTest} does for the geometry
 * readers: only {@link FormatException} may come out, whatever the bytes. The default run replays the corpus under
 * {@code src/test/resources/org/isofield/fields/io/IsfFuzzTestInputs/isf/}; {@code scripts/fuzz.sh isf} fuzzes it.
 */
class IsfFuzzTest {
    @FuzzTest(maxExecutions = 20_000)
    void isf(byte[] data) throws IOException {
        Path f = Files.createTempFile("isofield-fuzz", ".isf");
        try {
            Files.write(f, data);
            FieldFiles.read(f);
        } catch (FormatException expected) {
            // malformed input, reported as such: the contract
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
