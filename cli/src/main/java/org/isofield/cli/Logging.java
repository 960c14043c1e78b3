package org.isofield.cli;

import java.lang.System.Logger.Level;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the library's {@link System.Logger} output (backed by java.util.logging) to stderr as one short line per
 * message: warnings by default, info with {@code --verbose}, debug with {@code --debug}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        java.util.logging.Level jul = switch (level) {
            case DEBUG, TRACE, ALL -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
            default -> java.util.logging.Level.WARNING;
        };
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(jul);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String prefix = r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue() ? "isofield: warning: " : "isofield: ";
                return prefix + formatMessage(r) + System.lineSeparator();
            }
        });
        root.addHandler(h);
        root.setLevel(jul);
        Logger.getLogger("org.isofield").setLevel(jul);
    }
}
