package org.isofield.datasets.io.internal;

/** Message helpers for file readers: quote a piece of a file so that binary junk stays readable and short. */
public final class Texts {
    /** Longest quoted excerpt, in bytes. */
    static final int MAX_QUOTE = 40;

    private Texts() {
    }

    /**
     * {@code b[from, to)} in double quotes, cut to {@value #MAX_QUOTE} bytes with "..." after, and bytes outside
     * printable ASCII written as {@code \xNN}.
     */
    public static String quote(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(Math.min(to - from, MAX_QUOTE) + 8).append('"');
        int end = Math.min(to, from + MAX_QUOTE);
        for (int i = from; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02X", c));
            }
        }
        if (to > end) {
            s.append("...");
        }
        return s.append('"').toString();
    }

    /** "1 vertex" / "2 vertices"-style counts for messages. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
