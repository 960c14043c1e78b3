package org.isofield.render.scene;

import java.nio.file.Path;
import java.util.Objects;
import org.isofield.core.Check;
import org.isofield.datasets.geom.Aabb;
import org.isofield.datasets.geom.Vec3d;
import org.isofield.fields.io.FieldFile;
import org.isofield.fields.io.FieldFiles;
import org.isofield.fields.io.NeuralFieldFiles;
import org.isofield.fields.train.NeuralField;

/**
 * The zero level set of a neural field, to be sphere-traced: the field on the unit cube and the file's world-to-unit
 * transform {@code unit = scale * world + translation} (the convention of {@code datasets.sample.Normalization}, read
 * from the {@link FieldFile} directly). The field's values are distances in unit-cube units.
 *
 * @param field       the field; its parameter arrays are read, never changed
 * @param scale       world-to-unit scale, above 0
 * @param translation world-to-unit translation
 * @param slice       the distance slice to show, or null for the surface alone
 */
public record FieldSurface(NeuralField field, double scale, Vec3d translation, FieldSlice slice) {
    public FieldSurface {
        Objects.requireNonNull(field, "field");
        Check.positive("scale", scale);
        Objects.requireNonNull(translation, "translation");
    }

    /** The surface alone, without a slice. */
    public FieldSurface(NeuralField field, double scale, Vec3d translation) {
        this(field, scale, translation, null);
    }

    /** This field with {@code slice} (null: none). */
    public FieldSurface withSlice(FieldSlice slice) {
        return new FieldSurface(field, scale, translation, slice);
    }

    /** The field of a field file, with the file's transform; {@code file} names it in messages. */
    public static FieldSurface of(FieldFile file, Path name) {
        double[] t = file.translation();
        return new FieldSurface(NeuralFieldFiles.field(file, name), file.scale(), new Vec3d(t[0], t[1], t[2]));
    }

    /** Reads an {@code .isf} field file. */
    public static FieldSurface read(Path file) {
        return of(FieldFiles.read(file), file);
    }

    /** A world point in unit-cube coordinates. */
    public Vec3d toUnit(Vec3d world) {
        return world.times(scale).plus(translation);
    }

    /** The world bounds of the unit cube, where the field is defined. */
    public Aabb bounds() {
        Vec3d lo = new Vec3d(0, 0, 0).minus(translation).times(1 / scale);
        Vec3d hi = new Vec3d(1, 1, 1).minus(translation).times(1 / scale);
        return new Aabb(lo.x(), lo.y(), lo.z(), hi.x(), hi.y(), hi.z());
    }
}
