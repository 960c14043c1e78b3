package org.isofield.datasets.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isofield.core.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {
    @TempDir
    Path dir;

    private TextInput open(String text) throws IOException {
        Path p = dir.resolve("t.txt");
        Files.writeString(p, text);
        return TextInput.open(p, null);
    }

    @Test
    void readsNumbersOnLinesThatCrossBufferBoundaries() throws IOException {
        StringBuilder s = new StringBuilder();
        int lines = 200_000;
        for (int i = 0; i < lines; i++) {
            s.append(i).append(' ').append(i * 0.5f).append('\n');
        }
        try (TextInput in = open(s.toString())) {
            for (int i = 0; i < lines; i++) {
                assertThat(in.nextLine()).isTrue();
                in.number("a");
                assertThat(in.value()).isEqualTo(i);
                in.number("b");
                assertThat(in.floatValue()).isEqualTo(i * 0.5f);
            }
            assertThat(in.nextLine()).isFalse();
            assertThat(in.lineNumber()).isEqualTo(lines);
        }
    }

    @Test
    void readsALineLongerThanTheBuffer() throws IOException {
        String longLine = "7 ".repeat(1_500_000);
        try (TextInput in = open("first\n" + longLine + "\nlast")) {
            in.nextLine();
            in.nextLine();
            assertThat(in.remainingTokens()).isEqualTo(1_500_000);
            assertThat(in.nextLine()).isTrue();
            assertThat(in.nextToken()).isTrue();
            assertThat(in.tokenIs("last")).isTrue();
            assertThat(in.nextLine()).isFalse();
        }
    }

    @Test
    void rejectsLinesLongerThanTheLimit() throws IOException {
        try (TextInput in = open("ok\n" + "x".repeat(TextInput.MAX_LINE + 10))) {
            in.nextLine();
            assertThatThrownBy(in::nextLine).isInstanceOf(FormatException.class)
                    .hasMessageContaining(":2: line longer than");
        }
    }

    @Test
    void stripsCarriageReturnsAndComments() throws IOException {
        try (TextInput in = open("a b # c d\r\n\r\n").comment('#')) {
            in.nextLine();
            assertThat(in.remainingTokens()).isEqualTo(2);
            assertThat(in.offsetAfterLine()).isEqualTo(11);
            in.nextLine();
            assertThat(in.isBlank()).isTrue();
        }
    }

    @Test
    void quotesOffendingTokensReadably() throws IOException {
        try (TextInput in = open("1 \u0001bc\n")) {
            in.nextLine();
            in.number("x");
            assertThatThrownBy(() -> in.number("y")).hasMessageContaining(":1: found \"\\x01bc\" where y was expected");
        }
    }
}
