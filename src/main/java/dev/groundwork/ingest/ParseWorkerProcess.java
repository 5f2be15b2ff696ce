package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.Rejected;
import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running worker JVM (inside its sandbox, if any) and its pipes. Not thread-safe: the pool lends it to one parse
 * at a time.
 */
final class ParseWorkerProcess {

    /** The exit code of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    /** Where a confined worker finds each file; null for a worker that sees the service's files. */
    private final WorkerInbox inbox;
    private int served;

    /** The worker died before it got the request (it was killed while idle): the file is not to blame. */
    static final class WorkerGoneException extends IOException {
        WorkerGoneException(Throwable cause) {
            super("the parse worker was gone before the request", cause);
        }
    }

    private ParseWorkerProcess(Process process, WorkerInbox inbox) {
        this.process = process;
        this.inbox = inbox;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Starts a worker and waits until it has loaded its parsers. */
    static ParseWorkerProcess start(WorkerCommand command, Duration startTimeout, ScheduledExecutorService watchdog) {
        WorkerInbox inbox = command.sandbox().confinesFiles() ? WorkerInbox.create() : null;
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command.sandbox().wrap(command.arguments(),
                    inbox == null ? null : inbox.dir()));
            builder.environment().clear();
            builder.environment().putAll(command.environment());
            process = builder.start();
            WorkerOutput.follow(process.getErrorStream(), process.pid());
        } catch (IOException e) {
            if (inbox != null) {
                inbox.close();
            }
            throw new ParserUnavailableException("Cannot start a parse worker: " + e.getMessage(), e);
        }
        ParseWorkerProcess worker = new ParseWorkerProcess(process, inbox);
        ScheduledFuture<?> kill = watchdog.schedule(worker::kill, startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ParseProtocol.readReady(worker.fromWorker);
            return worker;
        } catch (IOException e) {
            worker.kill();
            throw new ParserUnavailableException("A parse worker did not start (exit code "
                    + exitCode(process) + "): " + e.getMessage(), e);
        } finally {
            kill.cancel(false);
        }
    }

    /**
     * Parses one file, killing the worker if it takes longer than {@code timeout}. A worker that dies on the
     * file (out of memory, a crash) or is killed for it gives a refusal, as does one whose reply is larger than a
     * parse under {@code limits} could give; only a worker already dead before the request throws.
     */
    Reply parse(Request request, Duration timeout, ScheduledExecutorService watchdog, ParseLimits limits)
            throws WorkerGoneException {
        served++;
        Request sent = inbox == null ? request
                : new Request(inbox.place(request.file()), request.fileName(), request.skipMembers());
        try {
            return exchange(sent, timeout, watchdog, limits);
        } finally {
            if (inbox != null) {
                inbox.clear();
            }
        }
    }

    private Reply exchange(Request request, Duration timeout, ScheduledExecutorService watchdog, ParseLimits limits)
            throws WorkerGoneException {
        try {
            ParseProtocol.writeRequest(toWorker, request);
        } catch (IOException e) {
            kill();
            throw new WorkerGoneException(e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Runnable killer = () -> {
            timedOut.set(true);
            kill();
        };
        // The time limit is each member's for a container: every message of the answer starts it again.
        AtomicReference<ScheduledFuture<?>> kill = new AtomicReference<>(
                watchdog.schedule(killer, timeout.toMillis(), TimeUnit.MILLISECONDS));
        ParseProtocol.Answer answer = new ParseProtocol.Answer(limits);
        try {
            return answer.read(fromWorker, () -> kill.getAndSet(
                    watchdog.schedule(killer, timeout.toMillis(), TimeUnit.MILLISECONDS)).cancel(false));
        } catch (IOException e) {
            // A worker out of memory is still exiting: give it a moment, for its exit code. One that answered
            // out of turn may still be running: a short wait, then it is killed anyway.
            boolean garbled = e instanceof ParseProtocol.ProtocolException;
            int exit = exitCode(process, garbled ? Duration.ofSeconds(2) : Duration.ofSeconds(10));
            kill();
            // a worker out of memory prints so on its stdout as it goes (not an answer, yet no lie either)
            if (garbled && !timedOut.get() && exit != OUT_OF_MEMORY_EXIT) {
                return new Rejected(Reason.MALFORMED, "The parser gave no usable answer for this file.");
            }
            return answer.endedWith(death(timedOut.get(), exit, timeout));
        } finally {
            kill.get().cancel(false);
        }
    }

    /** Why a worker ended in the middle of an answer. */
    private static Rejected death(boolean timedOut, int exit, Duration timeout) {
        if (timedOut) {
            return new Rejected(Reason.TIMEOUT, ParseDeadline.exceeded(timeout));
        }
        if (exit == OUT_OF_MEMORY_EXIT) {
            return new Rejected(Reason.EXPANDS_TOO_MUCH,
                    "Reading the document needs more memory than a parse worker is given.");
        }
        return new Rejected(Reason.MALFORMED, "The parser stopped on this file (worker exit code " + exit + ").");
    }

    int served() {
        return served;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its stdin, so it ends by itself; kills it if it does not within a second. */
    void stop() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // it is being stopped anyway
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    /**
     * Kills the worker and every process under it: in a sandbox the JVM is bubblewrap's grandchild, and would go on
     * running (and parsing) if only bubblewrap were killed.
     */
    void kill() {
        List<ProcessHandle> below = process.descendants().toList();
        process.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        if (inbox != null) {
            inbox.close();
        }
    }

    private static int exitCode(Process process) {
        return exitCode(process, Duration.ofSeconds(10));
    }

    private static int exitCode(Process process, Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
