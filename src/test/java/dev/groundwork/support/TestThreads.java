package dev.groundwork.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for parts a test builds without the application, in place of the executors Spring gives them there: daemon
 * threads, so none keeps the test JVM up, named like the application's.
 */
public final class TestThreads {

    private static ScheduledExecutorService watchdog;

    private TestThreads() {
    }

    /** Threads made as they are asked for, ending after a minute idle (the encoder's runs, text searches). */
    public static ExecutorService asNeeded(String prefix) {
        return Executors.newCachedThreadPool(daemons(prefix));
    }

    /** A scheduler of two daemon threads for parse worker pools a test makes, in place of the parse watchdog. */
    public static synchronized ScheduledExecutorService watchdog() {
        if (watchdog == null) {
            watchdog = Executors.newScheduledThreadPool(2, daemons("parse-watchdog-"));
        }
        return watchdog;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
