package dev.groundwork.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Puts the folder sync on its cron, unless the cron is {@code -}. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleConfiguration.class);

    private final ScheduleSettings settings;
    private final FolderSync sync;

    ScheduleConfiguration(ScheduleSettings settings, FolderSync sync) {
        this.settings = settings;
        this.sync = sync;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.scheduled()) {
            log.info("Scheduled sync is off (groundwork.schedule.cron=-); POST /api/reindex still runs one");
            return;
        }
        registrar.addCronTask(sync::onSchedule, settings.cron().strip());
        log.info("Folder sync scheduled on cron '{}'", settings.cron().strip());
    }
}
