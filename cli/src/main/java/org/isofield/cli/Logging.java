package org.isofield.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the library's {@link System.Logger} output (backed by java.util.logging) to stderr as one short line per
 * message: warnings by default, info with {@code --verbose}, debug with {@code --debug}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(System.Logger.Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Level jul = switch (level) {
            case DEBUG, TRACE, ALL -> Level.FINE;
            case INFO -> Level.INFO;
            case ERROR -> Level.SEVERE;
            case OFF -> Level.OFF;
            default -> Level.WARNING;
        };
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(jul);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String prefix = r.getLevel().intValue() >= Level.WARNING.intValue() ? "isofield: warning: "
                        : "isofield: ";
                return prefix + formatMessage(r) + System.lineSeparator();
            }
        });
        root.addHandler(h);
        root.setLevel(jul);
        Logger.getLogger("org.isofield").setLevel(jul);
    }
}
