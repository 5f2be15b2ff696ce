package dev.groundwork.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Whether the folder sync keeps up, for {@code /actuator/prometheus}: a run going on and the files it has left, the
 * files that keep failing, and when the last run finished and how. Read from the sync's status when scraped (the
 * leader's, on a node that does not lead).
 */
@Component
class SyncMeters implements MeterBinder {

    private final FolderSync sync;

    SyncMeters(FolderSync sync) {
        this.sync = sync;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "groundwork.sync.running", "1 while a sync runs", null,
                status -> status.state() == SyncStatus.State.RUNNING ? 1 : 0);
        gauge(registry, "groundwork.sync.files.pending", "Files the running sync has still to go through", null,
                status -> {
                    SyncReport.Progress progress = status.current() == null ? null : status.current().progress();
                    return progress == null ? 0 : Math.max(0, progress.filesTotal() - progress.filesDone());
                });
        gauge(registry, "groundwork.sync.files.failing", "Files of the folders that cannot be indexed", null,
                status -> {
                    SyncReport report = status.current() != null ? status.current() : status.last();
                    return report == null ? 0 : report.failedCount();
                });
        gauge(registry, "groundwork.sync.last.finished", "When the last sync finished (Unix time)", "seconds",
                status -> status.last() == null || status.last().finishedAt() == null ? Double.NaN
                        : status.last().finishedAt().toEpochMilli() / 1000.0);
        gauge(registry, "groundwork.sync.last.duration", "How long the last sync took", "seconds",
                status -> status.last() == null ? Double.NaN : status.last().durationMs() / 1000.0);
        gauge(registry, "groundwork.sync.last.failed", "1 when the last sync failed as a whole", null,
                status -> status.last() != null && status.last().phase() == SyncReport.Phase.FAILED ? 1 : 0);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<SyncStatus> value) {
        Gauge.builder(name, this, meters -> {
                    try {
                        return value.applyAsDouble(meters.sync.status());
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                }).description(description).baseUnit(unit).register(registry);
    }
}
