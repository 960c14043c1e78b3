package org.isofield.core.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One kind of component (encodings, networks, optimizers, reconstructors, ...): its config base type and where its
 * registry comes from (built on first use). Each module lists its kinds through one {@link Provider} named in
 * {@code META-INF/services/org.isofield.core.config.ComponentKind$Provider}; {@link Json} reads them to parse nested
 * blocks of a kind whose base type is an interface through its registry, and {@link ComponentKinds} lists every kind
 * (for {@code isofield config}, docs/components.md and the contract test).
 *
 * @param baseType the config base type, e.g. {@code EncodingConfig}
 * @param source the registry's accessor, e.g. {@code Encodings::registry}
 */
public record ComponentKind<C extends ComponentConfig>(Class<C> baseType, Supplier<Registry<C, ?>> source) {
    public ComponentKind {
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(source, "source");
    }

    /** A kind of {@code baseType} whose registry {@code source} returns. */
    public static <C extends ComponentConfig> ComponentKind<C> of(Class<C> baseType, Supplier<Registry<C, ?>> source) {
        return new ComponentKind<>(baseType, source);
    }

    /** The kind's registry. */
    public Registry<C, ?> registry() {
        return source.get();
    }

    /**
     * A module's kinds, for {@link java.util.ServiceLoader}: a public class with a public no-argument constructor
     * that builds no registry before {@link ComponentKind#registry} is called.
     */
    public interface Provider {
        List<ComponentKind<?>> kinds();
    }
}
