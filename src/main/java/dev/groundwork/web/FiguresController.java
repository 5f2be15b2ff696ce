package dev.groundwork.web;

import dev.groundwork.observe.Outcomes;
import dev.groundwork.observe.RecentAnswers;
import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncReport;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The few live figures the page's index panel shows an owner at a glance; {@code /actuator/prometheus} has the rest.
 */
@RestController
class FiguresController {

    /**
     * @param answeredLastHour        questions answered (abstentions and fallbacks included) in the last hour
     * @param answeredLastHourAtLeast true when more were answered than the count keeps (it is then a lower bound)
     * @param medianAnswerMs          the median time of those answers, retrieval included; null when there were none
     * @param refusedUploads          files refused on upload since the service started
     * @param lastSyncAt              when the last folder sync finished; null before the first
     * @param lastSyncFailed          whether that sync failed as a whole
     */
    record Figures(int answeredLastHour, boolean answeredLastHourAtLeast, Long medianAnswerMs, long refusedUploads,
                   Instant lastSyncAt, boolean lastSyncFailed) {
    }

    private final Outcomes outcomes;
    private final FolderSync sync;

    FiguresController(Outcomes outcomes, FolderSync sync) {
        this.outcomes = outcomes;
        this.sync = sync;
    }

    @GetMapping("/api/figures")
    Figures figures() {
        RecentAnswers.Summary hour = outcomes.lastHour();
        SyncReport last = sync.status().last();
        return new Figures(hour.answered(), hour.capped(), hour.medianMs(), outcomes.refused("upload"),
                last == null ? null : last.finishedAt(), last != null && last.phase() == SyncReport.Phase.FAILED);
    }
}
