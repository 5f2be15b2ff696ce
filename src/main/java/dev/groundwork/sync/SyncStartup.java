package dev.groundwork.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sync's start-up, step by step: (1) once every bean is made and before the service takes requests, the pipeline
 * the serving index was built with is compared to the configured one ({@link PipelineCheck}); (2) once the service is
 * ready, a first run, when {@code groundwork.sync.on-startup} says so (it builds a missing index). Later runs come
 * from the cron ({@link FolderSync#onSchedule}) and {@code POST /api/reindex}.
 */
@Component
class SyncStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SyncStartup.class);

    private final PipelineCheck check;
    private final FolderSync sync;
    private final SyncSettings settings;

    SyncStartup(PipelineCheck check, FolderSync sync, SyncSettings settings) {
        this.check = check;
        this.sync = sync;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check.run();
        if (settings.scheduled()) {
            log.info("Folder sync scheduled on cron '{}'", settings.cron());
        } else {
            log.info("Scheduled sync is off (groundwork.sync.cron=-); POST /api/reindex still runs one");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstRun() {
        if (settings.onStartup()) {
            try {
                sync.trigger(SyncTrigger.STARTUP);
            } catch (NotSyncLeaderException e) {
                log.info("No sync at start-up here: {}", e.getMessage());
            }
        }
    }
}
