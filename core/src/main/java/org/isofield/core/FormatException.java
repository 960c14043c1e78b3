package org.isofield.core;

import java.nio.file.Path;

/**
 * A malformed input file. The message starts with the file name and the position of the problem, either a
 * 1-based line ({@code scan.ply:14: ...}) for text or a 0-based byte offset ({@code scan.ply: byte 4096: ...})
 * for binary data, then says what was found and what was expected. Exit code 3.
 */
public class FormatException extends IsofieldException {
    private static final long serialVersionUID = 1L;

    /** How {@link #position()} is to be read. */
    public enum PositionKind { NONE, LINE, BYTE }

    private final transient Path file;
    private final long position;
    private final PositionKind positionKind;
    private final String detail;

    private FormatException(Path file, PositionKind kind, long position, String detail, Throwable cause) {
        super(format(file, kind, position, detail), EXIT_FORMAT, cause);
        this.file = file;
        this.position = position;
        this.positionKind = kind;
        this.detail = detail;
    }

    /** An error in a text file at a 1-based line. */
    public static FormatException atLine(Path file, long line, String detail) {
        return new FormatException(file, PositionKind.LINE, line, detail, null);
    }

    /** An error in binary data at a 0-based byte offset from the start of the file. */
    public static FormatException atByte(Path file, long offset, String detail) {
        return new FormatException(file, PositionKind.BYTE, offset, detail, null);
    }

    /** An error about the file as a whole (empty file, unknown extension). */
    public static FormatException inFile(Path file, String detail) {
        return new FormatException(file, PositionKind.NONE, -1, detail, null);
    }

    /** Same as {@link #inFile} with a cause, e.g. an I/O error that ended reading. */
    public static FormatException inFile(Path file, String detail, Throwable cause) {
        return new FormatException(file, PositionKind.NONE, -1, detail, cause);
    }

    private static String format(Path file, PositionKind kind, long position, String detail) {
        String name = file == null ? "<input>" : file.toString();
        return switch (kind) {
            case LINE -> name + ":" + position + ": " + detail;
            case BYTE -> name + ": byte " + position + ": " + detail;
            case NONE -> name + ": " + detail;
        };
    }

    /** The file, or null for an anonymous stream. */
    public Path file() {
        return file;
    }

    /** Line (1-based) or byte offset (0-based), per {@link #positionKind()}; -1 when none. */
    public long position() {
        return position;
    }

    public PositionKind positionKind() {
        return positionKind;
    }

    /** The message without the file and position prefix. */
    public String detail() {
        return detail;
    }
}
