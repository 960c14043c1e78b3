package org.isofield.datasets.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded random cases for property-style parameterized tests: {@code count} argument lists drawn by {@code gen}
 * from one {@link SplittableRandom} per case, so a failing case is reproducible from its index alone. Small and
 * edge values should be mixed in by the generator itself (e.g. sizes 1 to 3 with some probability).
 */
public final class RandomCases {
    private RandomCases() {
    }

    public static Stream<Arguments> of(long seed, int count, Function<SplittableRandom, Object[]> gen) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[count];
        for (int i = 0; i < count; i++) {
            streams[i] = root.split();
        }
        return IntStream.range(0, count).mapToObj(i -> Arguments.of(gen.apply(streams[i])));
    }

    /** An int in [min, max], biased so that the small end and the two bounds come up often. */
    public static int size(SplittableRandom r, int min, int max) {
        int pick = r.nextInt(10);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        if (pick <= 3) {
            return Math.min(max, min + r.nextInt(4));
        }
        return min + r.nextInt(max - min + 1);
    }

    /** A random constant of an enum. */
    public static <E extends Enum<E>> E pick(SplittableRandom r, Class<E> type) {
        E[] all = type.getEnumConstants();
        return all[r.nextInt(all.length)];
    }
}
