package org.isofield.cli;

/** Entry point of the {@code isofield} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = IsofieldCommand.newCommandLine().execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
