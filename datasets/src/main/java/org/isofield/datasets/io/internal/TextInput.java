package org.isofield.datasets.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.isofield.core.FormatException;
import org.isofield.core.ProgressMeter;

/**
 * Reads a text file line by line from a byte buffer and splits lines into tokens, without creating a
 * {@code String} per line or token. Lines end with {@code \n} or {@code \r\n}; tokens are separated by blanks
 * (and commas, when asked); a comment character, when set, cuts the line. Numbers are parsed in place with a
 * {@link DecimalParser}.
 *
 * <p>A line may be at most {@value #MAX_LINE} bytes long. Errors are {@link FormatException}s at the current
 * 1-based line. Reading reports progress in bytes to a {@link ProgressMeter}, which may cancel.
 */
public final class TextInput implements Locator, AutoCloseable {
    /** Longest accepted line, in bytes. */
    public static final int MAX_LINE = 1 << 24;
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ProgressMeter meter;
    private final DecimalParser parser = new DecimalParser();
    private byte[] buf = new byte[CHUNK];
    private int limit;
    private long bufferOffset;
    private boolean eof;
    private long line;
    private int lineStart;
    private int lineEnd;
    private int next;
    private int cursor;
    private int tokenStart;
    private int tokenEnd;
    private boolean commas;
    private byte comment;

    private TextInput(Path file, FileChannel channel, long offset, long line, ProgressMeter meter) {
        this.file = file;
        this.channel = channel;
        this.bufferOffset = offset;
        this.line = line;
        this.meter = meter;
    }

    /** Opens {@code file} at its start. */
    public static TextInput open(Path file, ProgressMeter meter) throws IOException {
        return new TextInput(file, FileChannel.open(file, StandardOpenOption.READ), 0, 0, meter);
    }

    /** Separates tokens by commas as well as blanks. */
    public TextInput commas(boolean on) {
        commas = on;
        return this;
    }

    /** Treats {@code c} and everything after it on a line as a comment; 0 for none. */
    public TextInput comment(char c) {
        comment = (byte) c;
        return this;
    }

    public Path file() {
        return file;
    }

    /** The 1-based number of the current line; 0 before the first. */
    public long lineNumber() {
        return line;
    }

    /** File offset of the first byte after the current line. */
    public long offsetAfterLine() {
        return bufferOffset + next;
    }

    /** The underlying channel, e.g. to continue with binary data after a header; closed by {@link #close()}. */
    public FileChannel channel() {
        return channel;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the file
     */
    public boolean nextLine() throws IOException {
        int nl = indexOfNewline(next);
        while (nl < 0 && !eof) {
            int scanned = limit - next;
            fill();
            nl = indexOfNewline(scanned);
        }
        if (nl < 0 && next >= limit) {
            lineStart = lineEnd = cursor = limit;
            return false;
        }
        lineStart = next;
        lineEnd = nl < 0 ? limit : nl;
        next = nl < 0 ? limit : nl + 1;
        if (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        if (comment != 0) {
            for (int i = lineStart; i < lineEnd; i++) {
                if (buf[i] == comment) {
                    lineEnd = i;
                    break;
                }
            }
        }
        line++;
        cursor = lineStart;
        return true;
    }

    /** Whether the current line holds no token (blank or only a comment). */
    public boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (!isSeparator(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** Moves to the next token of the current line; false when the line has no more. */
    public boolean nextToken() {
        int i = cursor;
        while (i < lineEnd && isSeparator(buf[i])) {
            i++;
        }
        if (i >= lineEnd) {
            cursor = lineEnd;
            return false;
        }
        tokenStart = i;
        while (i < lineEnd && !isSeparator(buf[i])) {
            i++;
        }
        tokenEnd = i;
        cursor = i;
        return true;
    }

    /** Number of tokens from the cursor to the end of the line; does not move. */
    public int remainingTokens() {
        int n = 0;
        int i = cursor;
        while (i < lineEnd) {
            while (i < lineEnd && isSeparator(buf[i])) {
                i++;
            }
            if (i < lineEnd) {
                n++;
                while (i < lineEnd && !isSeparator(buf[i])) {
                    i++;
                }
            }
        }
        return n;
    }

    /** Restarts tokenizing the current line from its beginning. */
    public void rewindLine() {
        cursor = lineStart;
    }

    private boolean isSeparator(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b || (commas && c == ',');
    }

    /** Whether the current token is exactly {@code word} (ASCII, case-sensitive). */
    public boolean tokenIs(String word) {
        int n = tokenEnd - tokenStart;
        if (n != word.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[tokenStart + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The current token for messages: quoted, shortened, non-printable bytes escaped. */
    public String token() {
        return Texts.quote(buf, tokenStart, tokenEnd);
    }

    /** The current token as a plain string (for header keywords and names). */
    public String tokenString() {
        return new String(buf, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
    }

    /** The rest of the current line from the cursor, trimmed, for messages. */
    public String rest() {
        int i = cursor;
        while (i < lineEnd && isSeparator(buf[i])) {
            i++;
        }
        return Texts.quote(buf, i, lineEnd);
    }

    /** The current line without leading blanks, quoted for messages. */
    public String lineText() {
        int i = lineStart;
        while (i < lineEnd && isSeparator(buf[i])) {
            i++;
        }
        return Texts.quote(buf, i, lineEnd);
    }

    /** The backing buffer, valid for the current token's range; for in-place parsers. */
    public byte[] buffer() {
        return buf;
    }

    public int tokenStart() {
        return tokenStart;
    }

    public int tokenEnd() {
        return tokenEnd;
    }

    /**
     * Reads the next token as a number, available as {@link #value()} and {@link #floatValue()}.
     *
     * @param what what the token is, for the message when it is missing or not a number (e.g. "y of vertex 12")
     */
    public void number(String what) {
        if (!nextToken()) {
            throw error("line ends where " + what + " was expected; found " + lineText());
        }
        if (!parser.parse(buf, tokenStart, tokenEnd)) {
            throw error("found " + token() + " where " + what + " was expected; expected a number");
        }
    }

    /** The double value of the last {@link #number} (correctly rounded). */
    public double value() {
        return parser.value();
    }

    /** The float value of the last {@link #number} (correctly rounded from the decimal text). */
    public float floatValue() {
        return parser.floatValue();
    }

    /**
     * Reads the next token as a whole number in {@code [min, max]}.
     *
     * @param what what the token is, for messages
     */
    public long integer(String what, long min, long max) {
        if (!nextToken()) {
            throw error("line ends where " + what + " was expected; found " + lineText());
        }
        long v = DecimalParser.parseLong(buf, tokenStart, tokenEnd);
        if (v == Long.MIN_VALUE) {
            throw error("found " + token() + " where " + what + " was expected; expected a whole number");
        }
        if (v < min || v > max) {
            throw error(what + " is " + v + "; expected " + min + " to " + max);
        }
        return v;
    }

    /** Fails unless the current line has no more tokens. */
    public void expectEnd(String what) {
        int extra = remainingTokens();
        if (extra > 0) {
            throw error("found " + extra + " extra value" + (extra == 1 ? "" : "s") + " " + rest() + " after " + what
                    + "; expected the line to end");
        }
    }

    @Override
    public FormatException error(String detail) {
        return FormatException.atLine(file, Math.max(1, line), detail);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread tail to the buffer start, grows the buffer for long lines, and reads more of the file. */
    private void fill() throws IOException {
        int keep = limit - next;
        if (keep >= MAX_LINE) {
            throw FormatException.atLine(file, line + 1, "line longer than " + MAX_LINE
                    + " bytes; expected a text file with line breaks");
        }
        if (keep > buf.length / 2) {
            byte[] bigger = new byte[Math.min(MAX_LINE + CHUNK, buf.length * 2)];
            System.arraycopy(buf, next, bigger, 0, keep);
            buf = bigger;
        } else {
            System.arraycopy(buf, next, buf, 0, keep);
        }
        bufferOffset += next;
        limit = keep;
        next = 0;
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit), bufferOffset + limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            if (meter != null) {
                meter.step(n);
            }
        }
    }
}
