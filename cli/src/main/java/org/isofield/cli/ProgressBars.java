package org.isofield.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.isofield.core.Progress;

/** Draws one progress bar per phase on stderr. Reports arrive from one thread at a time (see ProgressMeter). */
final class ProgressBars implements Progress {
    private static final int SCALE = 1000;
    private final PrintWriter err;
    private ProgressBar bar;
    private String phase;

    ProgressBars(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized boolean report(String newPhase, double fraction) {
        if (bar == null || !newPhase.equals(phase)) {
            close();
            phase = newPhase;
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format("%-14s", newPhase))
                    .setInitialMax(SCALE)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100)
                    .hideEta()
                    .continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(
                            new WriterOutputStream(err), true)))
                    .build();
        }
        bar.stepTo(Math.round(Math.max(0, Math.min(1, fraction)) * SCALE));
        if (fraction >= 1.0) {
            close();
        }
        return true;
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Adapts the command's error writer to the stream the bar library wants. */
    private static final class WriterOutputStream extends OutputStream {
        private final Writer w;

        WriterOutputStream(Writer w) {
            this.w = w;
        }

        @Override
        public void write(int b) throws IOException {
            w.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            w.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            w.flush();
        }
    }
}
