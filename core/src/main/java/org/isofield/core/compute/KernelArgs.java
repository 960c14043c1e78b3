package org.isofield.core.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The arguments of one launch, in the kernel's parameter order, each with a name for error messages: device arrays
 * (a pointer, or an OpenCL {@code cl_mem}), 32-bit ints and floats. Built fluently:
 * {@code KernelArgs.of().array("in", in).i32("n", n).f32("lr", lr)}.
 */
public final class KernelArgs {
    /** One argument: exactly one of {@code array}, or a scalar with its kind. */
    public record Arg(String name, DeviceArray array, int intValue, float floatValue, Kind kind) {
        /** What an argument holds. */
        public enum Kind { ARRAY, INT, FLOAT }

        @Override
        public String toString() {
            return switch (kind) {
                case ARRAY -> name + "=" + array;
                case INT -> name + "=" + intValue;
                case FLOAT -> name + "=" + floatValue;
            };
        }
    }

    private final List<Arg> args = new ArrayList<>();

    private KernelArgs() {
    }

    public static KernelArgs of() {
        return new KernelArgs();
    }

    public KernelArgs array(String name, DeviceArray a) {
        args.add(new Arg(name, Objects.requireNonNull(a, name), 0, 0f, Arg.Kind.ARRAY));
        return this;
    }

    public KernelArgs i32(String name, int v) {
        args.add(new Arg(name, null, v, 0f, Arg.Kind.INT));
        return this;
    }

    /** A 64-bit count passed as a 32-bit int; refuses values that do not fit. */
    public KernelArgs i32(String name, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("kernel argument " + name + " = " + v + " does not fit 32 bits");
        }
        return i32(name, (int) v);
    }

    public KernelArgs f32(String name, float v) {
        args.add(new Arg(name, null, 0, v, Arg.Kind.FLOAT));
        return this;
    }

    public List<Arg> list() {
        return args;
    }

    /**
     * Checks these arguments against a kernel's parameter kinds (null: unknown, nothing checked).
     *
     * @throws ComputeException when the count or a kind differs, naming the kernel, what was given and what it takes
     */
    public void check(Backend backend, String kernel, List<Arg.Kind> parameters) {
        if (parameters == null) {
            return;
        }
        boolean ok = parameters.size() == args.size();
        for (int i = 0; ok && i < args.size(); i++) {
            ok = args.get(i).kind() == parameters.get(i);
        }
        if (!ok) {
            List<String> kinds = new ArrayList<>();
            parameters.forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
            throw new ComputeException(backend, "launch of kernel " + kernel + " refused: " + args.size()
                    + " arguments given (" + this + "); the kernel takes " + parameters.size() + " " + kinds);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Arg a : args) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(a);
        }
        return b.toString();
    }
}
