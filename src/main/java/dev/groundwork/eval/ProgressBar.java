package dev.groundwork.eval;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar on the terminal: redrawn in place at most five times a second when the output is a console,
 * otherwise one line at every tenth of the way, so a log file stays readable.
 */
final class ProgressBar {

    /** Makes the bars of one run, all on the same output. */
    @FunctionalInterface
    interface Factory {
        ProgressBar create(String label, int total);
    }

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private int done;
    private long lastDrawn;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, String label, int total, boolean interactive) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 0);
        this.interactive = interactive;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawn >= REDRAW_NANOS || done == total) {
                lastDrawn = now;
                out.print("\r" + line(now));
                out.flush();
            }
        } else {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line(now));
            }
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (interactive) {
            out.print("\r" + line(System.nanoTime()) + "\n");
            out.flush();
        }
    }

    String line(long now) {
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * WIDTH);
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        long etaSeconds = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format("  %-14s [%s%s] %d/%d %3d%%  %.0f/s  %s %s", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, Math.round(share * 100), rate,
                done >= total ? "took" : "eta", clock(done >= total ? Math.round(seconds) : etaSeconds));
    }

    static String clock(long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
