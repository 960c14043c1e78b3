package org.isofield.datasets.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isofield.datasets.geom.PointCloud;
import org.isofield.datasets.geom.Vec3d;

/**
 * Concatenation of clouds in world coordinates into the frame of the first one's origin. An attribute is kept when
 * every cloud has it (normals, colours, each named scalar); the names of those dropped because only some clouds have
 * them are listed in {@link #dropped}.
 */
final class CloudConcat {
    private CloudConcat() {
    }

    static PointCloud concat(List<PointCloud> clouds, List<String> dropped) {
        if (clouds.isEmpty()) {
            throw new IllegalArgumentException("no clouds to concatenate; expected at least one");
        }
        Vec3d origin = clouds.get(0).origin();
        int total = 0;
        boolean normals = true;
        boolean colors = true;
        boolean anyNormals = false;
        boolean anyColors = false;
        Set<String> scalarNames = new LinkedHashSet<>(clouds.get(0).scalars().keySet());
        Set<String> allScalarNames = new LinkedHashSet<>();
        for (PointCloud c : clouds) {
            total += c.size();
            normals &= c.hasNormals();
            colors &= c.hasColors();
            anyNormals |= c.hasNormals();
            anyColors |= c.hasColors();
            scalarNames.retainAll(c.scalars().keySet());
            allScalarNames.addAll(c.scalars().keySet());
        }
        if (anyNormals && !normals) {
            dropped.add("normals");
        }
        if (anyColors && !colors) {
            dropped.add("colors");
        }
        allScalarNames.removeAll(scalarNames);
        dropped.addAll(allScalarNames);
        float[] p = new float[3 * total];
        float[] nrm = normals ? new float[3 * total] : null;
        float[] col = colors ? new float[3 * total] : null;
        Map<String, float[]> scalars = new LinkedHashMap<>();
        for (String name : scalarNames) {
            scalars.put(name, new float[total]);
        }
        int at = 0;
        for (PointCloud c : clouds) {
            Vec3d shift = c.origin().minus(origin);
            float[] cp = c.positions();
            for (int i = 0; i < cp.length; i += 3) {
                p[3 * at + i] = (float) (cp[i] + shift.x());
                p[3 * at + i + 1] = (float) (cp[i + 1] + shift.y());
                p[3 * at + i + 2] = (float) (cp[i + 2] + shift.z());
            }
            if (nrm != null) {
                System.arraycopy(c.normals(), 0, nrm, 3 * at, cp.length);
            }
            if (col != null) {
                System.arraycopy(c.colors(), 0, col, 3 * at, cp.length);
            }
            for (String name : scalarNames) {
                System.arraycopy(c.scalars().get(name), 0, scalars.get(name), at, c.size());
            }
            at += c.size();
        }
        return PointCloud.of(p, nrm, col, origin).withScalars(scalars);
    }

    /** The same without reporting what was dropped. */
    static PointCloud concat(List<PointCloud> clouds) {
        return concat(clouds, new ArrayList<>());
    }
}
