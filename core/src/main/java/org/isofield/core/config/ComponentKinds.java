package org.isofield.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every {@link ComponentKind} on the class path, from the {@link ComponentKind.Provider}s the modules present list in
 * {@code META-INF/services}, by kind name, plus any provider classes named in the system property {@value #PROPERTY}
 * (comma-separated; for a module's own tests, whose kinds must not reach other modules through its test jar). Loaded
 * once; the registries themselves are built on first use.
 */
public final class ComponentKinds {
    /** The system property naming extra provider classes. */
    public static final String PROPERTY = "isofield.component-kinds";

    private ComponentKinds() {
    }

    /** The kinds, in the order the class path lists them. */
    public static List<ComponentKind<?>> list() {
        return Holder.KINDS;
    }

    private static final class Holder {
        static final List<ComponentKind<?>> KINDS = load();
        static final Map<String, Registry<?, ?>> REGISTRIES = index();
    }

    private static List<ComponentKind<?>> load() {
        List<ComponentKind<?>> found = new ArrayList<>();
        ServiceLoader.load(ComponentKind.Provider.class, ComponentKinds.class.getClassLoader()).stream()
                .forEach(p -> found.addAll(p.get().kinds()));
        for (String name : System.getProperty(PROPERTY, "").split(",")) {
            if (!name.isBlank()) {
                found.addAll(instantiate(name.trim()).kinds());
            }
        }
        return List.copyOf(found);
    }

    private static ComponentKind.Provider instantiate(String name) {
        try {
            Object o = Class.forName(name, true, ComponentKinds.class.getClassLoader()).getConstructor().newInstance();
            return (ComponentKind.Provider) o;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(PROPERTY + " names " + name + ", which is not a ComponentKind.Provider "
                    + "with a public no-argument constructor: " + e, e);
        }
    }

    /** The registries by kind name ({@code "encoding"}, ...), sorted. */
    public static Map<String, Registry<?, ?>> registries() {
        return Holder.REGISTRIES;
    }

    private static Map<String, Registry<?, ?>> index() {
        Map<String, Registry<?, ?>> m = new TreeMap<>();
        for (ComponentKind<?> k : list()) {
            Registry<?, ?> r = k.registry();
            if (m.put(r.kind(), r) != null) {
                throw new IllegalStateException("component kind " + r.kind() + " is listed twice on the class path");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The registry of a kind name, any case. */
    public static Optional<Registry<?, ?>> registry(String kind) {
        return Optional.ofNullable(registries().get(kind.toLowerCase(Locale.ROOT)));
    }
}
