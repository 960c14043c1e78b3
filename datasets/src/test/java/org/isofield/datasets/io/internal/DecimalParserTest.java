package org.isofield.datasets.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {
    private static DecimalParser parse(String s) {
        DecimalParser p = new DecimalParser();
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertThat(p.parse(b, 0, b.length)).as(s).isTrue();
        return p;
    }

    private static boolean accepts(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return new DecimalParser().parse(b, 0, b.length);
    }

    /** Random floats over every exponent (uniform bit patterns), plus values of ordinary magnitude. */
    private static float randomFloat(SplittableRandom r) {
        return r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) (r.nextGaussian() * Math.pow(10,
                r.nextInt(-6, 7)));
    }

    @Test
    void floatToStringReadsBackBitExact() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            float f = i < 4 ? new float[] {Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, -0.0f}[i]
                    : randomFloat(r);
            String s = Float.toString(f);
            if (Float.isFinite(f)) {
                assertThat(Float.floatToRawIntBits(parse(s).floatValue())).as(s).isEqualTo(Float.floatToRawIntBits(f));
            }
        }
    }

    @Test
    void doubleToStringReadsBackBitExact() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            double d = i < 4 ? new double[] {Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, -0.0}[i]
                    : r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * Math.pow(10,
                    r.nextInt(-12, 13));
            String s = Double.toString(d);
            if (Double.isFinite(d)) {
                assertThat(Double.doubleToRawLongBits(parse(s).value())).as(s).isEqualTo(Double.doubleToRawLongBits(d));
            }
        }
    }

    @Test
    void printfDecimalsMatchJavaParsing() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 3000; i++) {
            double d = r.nextDouble(-1e7, 1e7) * Math.pow(10, -r.nextInt(8));
            for (String s : new String[] {String.format("%.6f", d), String.format("%.9g", d), String.format("%.17g",
                    d)}) {
                DecimalParser p = parse(s);
                assertThat(p.value()).as(s).isEqualTo(Double.parseDouble(s));
                assertThat(p.floatValue()).as(s).isEqualTo(Float.parseFloat(s));
            }
        }
    }

    @Test
    void roundsDecimalsHalfwayBetweenFloatsDirectlyNotThroughDouble() {
        // 1 + 2^-24 + 2^-60: rounding to double first lands exactly halfway between two floats (ties to even: 1.0)
        String s = "1.00000005960464477539062500000000000000000000000000000001";
        assertThat(parse(s).floatValue()).isEqualTo(Float.parseFloat(s)).isEqualTo(Math.nextUp(1.0f));
    }

    @Test
    void parsesShortFloatHalfwayCaseExactly() {
        String s = "1.00000005960464477539062500001";
        assertThat(parse(s).floatValue()).isEqualTo(Float.parseFloat(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+1", "1.", ".5", "1e5", "1E-5", "-1.5e+3", "000123.4500", "1e400", "1e-400",
            "123456789012345678901234567890", "0.000000000000000000000000000001234"})
    void acceptsDecimalForms(String s) {
        DecimalParser p = parse(s);
        assertThat(p.value()).isEqualTo(Double.parseDouble(s));
        assertThat(p.floatValue()).isEqualTo(Float.parseFloat(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "-nan", "inf", "-inf", "Infinity", "-INFINITY"})
    void acceptsNonFiniteSpellings(String s) {
        assertThat(Double.isFinite(parse(s).value())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "1f", "1d", "abc", "1-2",
            "--1", "nana", "in"})
    void rejectsNonNumbers(String s) {
        assertThat(accepts(s)).as(s).isFalse();
    }

    @Test
    void parsesWholeNumbers() {
        byte[] b = "-12345 x 99".getBytes(StandardCharsets.US_ASCII);
        assertThat(DecimalParser.parseLong(b, 0, 6)).isEqualTo(-12345);
        assertThat(DecimalParser.parseLong(b, 7, 8)).isEqualTo(Long.MIN_VALUE);
        assertThat(DecimalParser.parseLong(b, 9, 11)).isEqualTo(99);
    }
}
