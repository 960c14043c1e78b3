package org.isofield.core.config;

/**
 * One kind of component (encodings, networks, optimizers, reconstructors, ...): its config base type and its
 * registry. The built-in kinds are listed, module by module, in {@code META-INF/services/
 * org.isofield.core.config.ComponentKind}; {@link Json} reads that list to parse nested blocks of a kind whose base
 * type is an interface through its registry, and {@link ComponentKinds} lists every kind (for
 * {@code isofield config}, docs/components.md and the contract test). A provider needs a public no-argument
 * constructor and must not build its registry before {@link #registry} is called.
 */
public interface ComponentKind<C extends ComponentConfig> {
    /** The config base type, e.g. {@code EncodingConfig}. */
    Class<C> baseType();

    /** The kind's registry. */
    Registry<C, ?> registry();
}
