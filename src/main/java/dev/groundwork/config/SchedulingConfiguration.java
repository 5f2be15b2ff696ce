package dev.groundwork.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The thread that runs the application's scheduled work ({@code @Scheduled}: the sync's cron, the index's refreshes),
 * named as Spring Boot names its own. Declared here because another scheduler of the application (the parse
 * watchdog's) would otherwise be taken for it, and Boot's own would not be made.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    ThreadPoolTaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("scheduling-");
        scheduler.setPoolSize(1);
        return scheduler;
    }
}
