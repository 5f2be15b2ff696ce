package dev.groundwork.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs work that must be linear under a bound orders of magnitude above what it takes, so that a superlinear (say
 * backtracking) implementation fails the test instead of holding the build for hours. The work runs on a daemon
 * thread: if it blows the bound it is left behind, and the JVM can still exit. Not a speed assertion: the bound is
 * far above the work's real cost on any machine.
 */
public final class Bounded {

    private Bounded() {
    }

    public static <T> T within(Duration bound, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "bounded-work");
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Still running after " + bound + ": the work is not linear in its input");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
