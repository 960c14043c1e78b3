package org.isofield.reconstruction;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isofield.core.FormatException;
import org.isofield.fields.io.FieldFile;
import org.isofield.reconstruction.gridpull.GridPullFieldKind;
import org.isofield.reconstruction.neural.NeuralFieldKind;

/** The kinds of stored field the commands can mesh, describe and show, by the kind name in the file. */
public final class FieldKinds {
    private static final Map<String, FieldKind> KINDS = index(List.of(new NeuralFieldKind(), new GridPullFieldKind()));

    private FieldKinds() {
    }

    private static Map<String, FieldKind> index(List<FieldKind> kinds) {
        Map<String, FieldKind> m = new LinkedHashMap<>();
        for (FieldKind k : kinds) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("field kind " + k.name() + " is registered twice");
            }
        }
        return Map.copyOf(m);
    }

    /** The registered kind names. */
    public static List<String> names() {
        return KINDS.keySet().stream().sorted().toList();
    }

    /**
     * The kind of a field read from {@code file}.
     *
     * @throws FormatException naming the file, the kind found and the kinds known
     */
    public static FieldKind of(FieldFile field, Path file) {
        FieldKind k = KINDS.get(field.kind());
        if (k == null) {
            throw FormatException.inFile(file, "field kind \"" + field.kind() + "\" is not one this build can use; "
                    + "expected one of " + String.join(", ", names()));
        }
        return k;
    }
}
