package org.isofield.datasets.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable table of the reader and writer registered for each {@link GeometryFormat}. {@link GeometryIO#defaults()}
 * builds the built-in table; tests and extensions build their own with {@link #builder()}.
 */
public final class FormatHandlers {
    private final Map<GeometryFormat, GeometryReader> readers;
    private final Map<GeometryFormat, GeometryWriter> writers;

    private FormatHandlers(Map<GeometryFormat, GeometryReader> readers, Map<GeometryFormat, GeometryWriter> writers) {
        this.readers = Collections.unmodifiableMap(new EnumMap<>(readers));
        this.writers = Collections.unmodifiableMap(new EnumMap<>(writers));
    }

    /** An empty table to fill. */
    public static Builder builder() {
        return new Builder();
    }

    /** The formats with a registered reader or writer. */
    public Set<GeometryFormat> formats() {
        EnumSet<GeometryFormat> all = EnumSet.noneOf(GeometryFormat.class);
        all.addAll(readers.keySet());
        all.addAll(writers.keySet());
        return all;
    }

    /** The reader of {@code format}, or null. */
    public GeometryReader reader(GeometryFormat format) {
        return readers.get(format);
    }

    /** The writer of {@code format}, or null. */
    public GeometryWriter writer(GeometryFormat format) {
        return writers.get(format);
    }

    /** Fills a {@link FormatHandlers}; a later registration for the same format replaces an earlier one. */
    public static final class Builder {
        private final Map<GeometryFormat, GeometryReader> readers = new EnumMap<>(GeometryFormat.class);
        private final Map<GeometryFormat, GeometryWriter> writers = new EnumMap<>(GeometryFormat.class);

        private Builder() {
        }

        /** Registers a reader and a writer for {@code format}. */
        public Builder add(GeometryFormat format, GeometryReader reader, GeometryWriter writer) {
            readers.put(Objects.requireNonNull(format, "format"), Objects.requireNonNull(reader, "reader"));
            writers.put(format, Objects.requireNonNull(writer, "writer"));
            return this;
        }

        public FormatHandlers build() {
            return new FormatHandlers(readers, writers);
        }
    }
}
