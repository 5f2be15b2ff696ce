package dev.groundwork.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.schedule.ScheduleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ScheduleSettingsBindingTests {

    // lazy: only the settings asked for are made (the answer settings would need an encoder)
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SettingsConfiguration.class)
            .withBean(LazyInitializationBeanFactoryPostProcessor.class);

    @Test
    void defaultsRunEveryFiveMinutesOverTheIngestFolderOnly() {
        runner.run(context -> {
            ScheduleSettings settings = context.getBean(ScheduleSettings.class);
            assertThat(settings.cron()).isEqualTo("0 */5 * * * *");
            assertThat(settings.scheduled()).isTrue();
            assertThat(settings.onStartup()).isTrue();
            assertThat(settings.rehashAfter()).isEqualTo(Duration.ofHours(24));
            assertThat(settings.retryMaxRuns()).isEqualTo(12);
            assertThat(settings.sources()).isEmpty();
        });
    }

    @Test
    void sourcesBindWithTheirGlobsAndADashSwitchesTheScheduleOff() {
        runner.withPropertyValues(
                "groundwork.schedule.cron=-",
                "groundwork.schedule.sources[0].name=notes",
                "groundwork.schedule.sources[0].dir=/srv/notes",
                "groundwork.schedule.sources[0].include=**/*.md,**/*.pdf",
                "groundwork.schedule.sources[0].exclude=drafts/**",
                "groundwork.schedule.sources[1].name=shared",
                "groundwork.schedule.sources[1].dir=/srv/shared").run(context -> {
            ScheduleSettings settings = context.getBean(ScheduleSettings.class);
            assertThat(settings.scheduled()).isFalse();
            assertThat(settings.sources()).hasSize(2);
            assertThat(settings.sources().get(0)).isEqualTo(new ScheduleSettings.Source("notes", Path.of("/srv/notes"),
                    List.of("**/*.md", "**/*.pdf"), List.of("drafts/**")));
            assertThat(settings.sources().get(1).include()).containsExactly("**");
            assertThat(settings.sources().get(1).exclude()).isEmpty();
        });
    }

    @Test
    void refusesABadCronTheReservedSourceNameDuplicateNamesAndBadGlobs() {
        assertRefused("cron must be a Spring cron expression", "groundwork.schedule.cron=every five minutes");
        assertRefused("not 'ingest'", "groundwork.schedule.sources[0].name=ingest",
                "groundwork.schedule.sources[0].dir=/srv/x");
        assertRefused("a name of its own", "groundwork.schedule.sources[0].name=docs",
                "groundwork.schedule.sources[0].dir=/srv/a", "groundwork.schedule.sources[1].name=docs",
                "groundwork.schedule.sources[1].dir=/srv/b");
        assertRefused("valid glob patterns", "groundwork.schedule.sources[0].name=docs",
                "groundwork.schedule.sources[0].dir=/srv/a", "groundwork.schedule.sources[0].include=[unclosed");
        assertRefused("dir must be set", "groundwork.schedule.sources[0].name=docs");
    }

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThatThrownBy(() -> context.getBean(ScheduleSettings.class))
                .rootCause().hasMessageContaining(message));
    }
}
