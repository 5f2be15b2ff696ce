package dev.groundwork.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SyncSettingsBindingTests {

    /** The settings record bound alone, as the application binds it (without the beans that need an encoder). */
    @EnableConfigurationProperties(GroundworkProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void defaultsRunEveryFiveMinutesOverTheIngestFolderOnly() {
        runner.run(context -> {
            SyncSettings settings = context.getBean(GroundworkProperties.class).sync();
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
                "groundwork.sync.cron=-",
                "groundwork.sync.sources[0].name=notes",
                "groundwork.sync.sources[0].dir=/srv/notes",
                "groundwork.sync.sources[0].include=**/*.md,**/*.pdf",
                "groundwork.sync.sources[0].exclude=drafts/**",
                "groundwork.sync.sources[1].name=shared",
                "groundwork.sync.sources[1].dir=/srv/shared").run(context -> {
            SyncSettings settings = context.getBean(GroundworkProperties.class).sync();
            assertThat(settings.scheduled()).isFalse();
            assertThat(settings.sources()).hasSize(2);
            assertThat(settings.sources().get(0)).isEqualTo(new SyncSettings.Source("notes", Path.of("/srv/notes"),
                    List.of("**/*.md", "**/*.pdf"), List.of("drafts/**")));
            assertThat(settings.sources().get(1).include()).containsExactly("**");
            assertThat(settings.sources().get(1).exclude()).isEmpty();
        });
    }

    @Test
    void refusesABadCronTheReservedSourceNameDuplicateNamesAndBadGlobs() {
        assertRefused("cron must be a Spring cron expression", "groundwork.sync.cron=every five minutes");
        assertRefused("not 'ingest'", "groundwork.sync.sources[0].name=ingest",
                "groundwork.sync.sources[0].dir=/srv/x");
        assertRefused("a name of its own", "groundwork.sync.sources[0].name=docs",
                "groundwork.sync.sources[0].dir=/srv/a", "groundwork.sync.sources[1].name=docs",
                "groundwork.sync.sources[1].dir=/srv/b");
        assertRefused("valid glob patterns", "groundwork.sync.sources[0].name=docs",
                "groundwork.sync.sources[0].dir=/srv/a", "groundwork.sync.sources[0].include=[unclosed");
        assertRefused("dir must be set", "groundwork.sync.sources[0].name=docs");
    }

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining(message));
    }
}
