package org.isofield.encodings.hashgrid;

/** Whether the incubating Vector API module is loaded in this JVM (it never is unless asked for with --add-modules). */
final class VectorSupport {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }

    static boolean available() {
        return AVAILABLE;
    }
}
