package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.ParseWorkerProcess.WorkerGoneException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm worker JVMs, lent to one parse at a time. As many parses run at once as there are workers; the rest
 * wait their turn. A worker that timed out, ran out of memory or crashed is replaced by a fresh one, and
 * every worker is replaced after a number of documents, so that a slow leak in a parser never builds up.
 */
final class ParseWorkerPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParseWorkerPool.class);

    private final WorkerCommand command;
    /** The limits a worker's replies are held to: those it parses under. */
    private final ParseLimits limits;
    private final int size;
    private final int maxDocumentsPerWorker;
    private final Duration startTimeout;
    private final Semaphore permits;
    private final Deque<ParseWorkerProcess> idle = new ArrayDeque<>();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    /**
     * @param watchdog kills a worker past its time limit, and starts the workers in the background; the pool does not
     *                 shut it down (the application does)
     */
    ParseWorkerPool(WorkerCommand command, ParseLimits limits, int size, int maxDocumentsPerWorker, Duration startTimeout,
                    ScheduledExecutorService watchdog) {
        this.command = command;
        this.limits = limits;
        this.size = size;
        this.maxDocumentsPerWorker = maxDocumentsPerWorker;
        this.startTimeout = startTimeout;
        this.permits = new Semaphore(size, true);
        this.watchdog = watchdog;
    }

    /** The limits the workers parse under. */
    ParseLimits limits() {
        return limits;
    }

    /** Parses a file in a worker; waits for a free worker first. */
    Reply parse(Request request, Duration timeout) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParserUnavailableException("Interrupted while waiting for a parse worker", e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                ParseWorkerProcess worker = borrow();
                long started = System.nanoTime();
                try {
                    Reply reply = worker.parse(request, timeout, watchdog, limits);
                    log.debug("Worker {} parsed {} in {} ms", worker.pid(), request.fileName(),
                            (System.nanoTime() - started) / 1_000_000);
                    if (!worker.isAlive()) {
                        log.warn("Parse worker {} ended on {} after {} ms: {}", worker.pid(), request.fileName(),
                                (System.nanoTime() - started) / 1_000_000, reply);
                    }
                    giveBack(worker);
                    return reply;
                } catch (WorkerGoneException e) {
                    worker.kill();
                    if (attempt >= 2) {
                        throw new ParserUnavailableException("Parse workers die before they get a file", e);
                    }
                }
            }
        } finally {
            permits.release();
        }
    }

    /** Starts the workers in the background, so the first documents do not wait for a JVM to start. */
    void warmUp() {
        watchdog.execute(() -> {
            long started = System.nanoTime();
            int warmed = 0;
            for (int i = 0; i < size && !closed && permits.tryAcquire(); i++) {
                try {
                    if (idleCount() >= size) {
                        break;
                    }
                    giveBack(start());
                    warmed++;
                } catch (ParserUnavailableException e) {
                    log.error("Parse workers cannot start: {}", e.getMessage());
                    break;
                } finally {
                    permits.release();
                }
            }
            log.info("{} parse workers ready in {} ms", warmed, (System.nanoTime() - started) / 1_000_000);
        });
    }

    private ParseWorkerProcess borrow() {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                ParseWorkerProcess worker = idle.pop();
                if (worker.isAlive()) {
                    return worker;
                }
            }
        }
        if (closed) {
            throw new ParserUnavailableException("The parser is shut down", null);
        }
        return start();
    }

    private ParseWorkerProcess start() {
        long started = System.nanoTime();
        ParseWorkerProcess worker = ParseWorkerProcess.start(command, startTimeout, watchdog);
        log.info("Parse worker {} started in {} ms", worker.pid(), (System.nanoTime() - started) / 1_000_000);
        return worker;
    }

    private void giveBack(ParseWorkerProcess worker) {
        boolean keep = !closed && worker.isAlive() && worker.served() < maxDocumentsPerWorker;
        if (keep) {
            synchronized (idle) {
                if (idle.size() < size) {
                    idle.push(worker);
                    return;
                }
            }
        }
        if (worker.isAlive()) {
            worker.stop();
        }
    }

    /** How many parses hold a worker now. */
    int busy() {
        return size - permits.availablePermits();
    }

    /** Workers up now: those waiting for a file and those parsing one (or being started for one). */
    int alive() {
        return idleCount() + busy();
    }

    /** The pool's gauges on {@code /actuator/prometheus}: workers alive and busy. */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("groundwork.parse.workers", this, ParseWorkerPool::alive).tag("state", "alive")
                .description("Parse worker processes up (waiting or parsing)").register(registry);
        Gauge.builder("groundwork.parse.workers", this, ParseWorkerPool::busy).tag("state", "busy")
                .description("Parse worker processes parsing a file").register(registry);
        Gauge.builder("groundwork.parse.workers.max", this, pool -> pool.size)
                .description("Parse worker processes at most").register(registry);
    }

    private int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        List<ParseWorkerProcess> stopping;
        synchronized (idle) {
            stopping = new ArrayList<>(idle);
            idle.clear();
        }
        stopping.forEach(ParseWorkerProcess::stop);
    }
}
