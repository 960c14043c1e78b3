package org.isofield.datasets.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.isofield.core.FormatException;
import org.isofield.datasets.geom.Vec3d;
import org.junit.jupiter.api.Test;

class ConfFileTest {
    private static final Path FILE = Path.of("/data/scans/bun.conf");

    private static ConfFile parse(String... lines) {
        return ConfFile.parse(FILE, List.of(lines));
    }

    private static FormatException error(String... lines) {
        try {
            parse(lines);
        } catch (FormatException e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsCameraAndScansInOrder() {
        ConfFile conf = parse("camera -0.0172 -0.0936 -0.734  -0.0461723 0.970603 -0.235889 0.0124573", "",
                "# a comment", "bmesh bun000.ply 0 0 0 0 0 0 1",
                "bmesh bun045.ply -0.0520211 -0.000383981 -0.0109223 0.00548449 -0.294635 -0.0038555 0.955586\r");
        assertThat(conf.camera()).isPresent();
        assertThat(conf.names()).containsExactly("bun000.ply", "bun045.ply");
        assertThat(conf.scan("bun000.ply").orElseThrow().transform().distanceTo(RigidTransform.IDENTITY))
                .isEqualTo(0);
        ConfFile.Scan s = conf.scan("bun045.ply").orElseThrow();
        assertThat(s.line()).isEqualTo(5);
        assertThat(s.transform().translation()).isEqualTo(new Vec3d(-0.0520211, -0.000383981, -0.0109223));
        // p' = R(q)^T p + t: the rotation is the conjugate's, about -y by 2 acos(0.955586) = 34.3 degrees
        double[] q = s.transform().quaternion();
        assertThat(q[1]).isCloseTo(0.294635, Offset.offset(1e-6));
        assertThat(Math.toDegrees(s.transform().angle())).isBetween(34.0, 34.5);
        assertThat(conf.resolve(s)).isEqualTo(Path.of("/data/scans/bun045.ply").toAbsolutePath());
        assertThat(conf.scan("bun090.ply")).isEmpty();
    }

    @Test
    void normalisesAQuaternionNearUnitLength() {
        ConfFile conf = parse("bmesh a.ply 0 0 0 0 0 0 1.0005");
        assertThat(conf.scan("a.ply").orElseThrow().transform().distanceTo(RigidTransform.IDENTITY)).isEqualTo(0);
    }

    @Test
    void malformedLinesNameFileLineWhatWasFoundAndWhatWasExpected() {
        FormatException e = error("bmesh a.ply 0 0 0 0 0 0 1", "bmesh b.ply 0 0 0 0 0 1");
        assertThat(e.position()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith(FILE + ":2: ").contains("has 8 fields; expected 9")
                .contains("bmesh FILE tx ty tz qx qy qz qw");
        e = error("", "bmesh a.ply 0 zero 0 0 0 0 1");
        assertThat(e.getMessage()).contains(":2: ty is \"zero\"; expected a finite number");
        e = error("bmesh a.ply 0 0 0 0 0 0 2");
        assertThat(e.getMessage()).contains(":1: ").contains("norm 2.0").contains("expected a unit quaternion");
        e = error("bmesh a.ply 0 0 0 0 0 0 0");
        assertThat(e.getMessage()).contains("norm 0.0");
        e = error("mesh a.ply 0 0 0 0 0 0 1");
        assertThat(e.getMessage()).contains(":1: unknown keyword \"mesh\"").contains("expected \"bmesh FILE");
        e = error("bmesh a.ply 0 0 0 0 0 0 1", "# again", "bmesh a.ply 1 0 0 0 0 0 1");
        assertThat(e.getMessage()).contains(":3: scan \"a.ply\" listed again (first on line 1)");
        e = error("camera 0 0 0 0 0 0 1", "camera 0 0 0 0 0 0 1", "bmesh a.ply 0 0 0 0 0 0 1");
        assertThat(e.getMessage()).contains(":2: a second camera line");
        e = error("bmesh a.ply 0 0 0 0 0 0 inf");
        assertThat(e.getMessage()).contains("qw is \"inf\"");
        e = error("", "# nothing");
        assertThat(e.getMessage()).isEqualTo(FILE + ": no bmesh lines; expected at least one "
                + "\"bmesh FILE tx ty tz qx qy qz qw\"");
    }

    @Test
    void writesLinesThatReadBackToTheSamePose() {
        RigidTransform pose = ConfFile.stanfordPose(-0.0520211, -0.000383981, -0.0109223, 0.00548449, -0.294635,
                -0.0038555, 0.955586);
        String line = ConfFile.line("bun045.ply", pose);
        assertThat(line).startsWith("bmesh bun045.ply -0.0520211000 ");
        RigidTransform back = parse(line).scans().get(0).transform();
        assertThat(back.distanceTo(pose)).isLessThan(1e-8);
    }
}
