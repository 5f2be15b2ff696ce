package dev.groundwork.web;

import dev.groundwork.security.AuditEntry;
import dev.groundwork.security.AuditLog;
import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncStatus;
import dev.groundwork.sync.SyncTrigger;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a sync of the index with the source folders, and tells how it goes. One run at a time: a trigger while one
 * runs is refused with 409 {@code REINDEX_RUNNING}, carrying the running job's status in {@code job}.
 */
@RestController
@RequestMapping("/api/reindex")
class ReindexController {

    private static final URI STATUS = URI.create("/api/reindex/status");

    private final FolderSync sync;
    private final AuditLog audit;

    ReindexController(FolderSync sync, AuditLog audit) {
        this.sync = sync;
        this.audit = audit;
    }

    /** 202 with the status of the run just started; it goes on in the background. */
    @PostMapping
    ResponseEntity<SyncStatus> trigger() {
        SyncStatus started = sync.trigger(SyncTrigger.MANUAL);
        audit.record(AuditEntry.of("reindex", "started"));
        return ResponseEntity.accepted().location(STATUS).body(started);
    }

    @GetMapping("/status")
    SyncStatus status() {
        return sync.status();
    }
}
