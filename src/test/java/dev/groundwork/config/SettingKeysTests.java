package dev.groundwork.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.groundwork.GroundworkApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A key under {@code groundwork.} that names no setting is found, and stops the service's start naming it. */
class SettingKeysTests {

    @TempDir
    Path dir;

    @Test
    void everyKeyOfTheSettingsRecordsIsKnownInEveryFormSpringBindsIt() {
        assertThat(SettingKeys.isKnown("groundwork.index.refresh-interval")).isTrue();
        assertThat(SettingKeys.isKnown("groundwork.index.refreshInterval")).isTrue();
        assertThat(SettingKeys.isKnown("groundwork.sync.sources[0].dir")).isTrue();
        assertThat(SettingKeys.isKnown("groundwork.sync.sources[12].include[3]")).isTrue();
        assertThat(SettingKeys.isKnown("groundwork.llm.base-url")).isTrue();
        assertThat(SettingKeys.all()).contains("groundwork.sync.cron", "groundwork.sync.sources[n].exclude",
                "groundwork.answer.max-answers", "groundwork.security.mode", "groundwork.security.oidc.roles-claim");
    }

    @Test
    void keysThatNameNoSettingAreUnknownEvenUnderAListOfSettings() {
        assertThat(SettingKeys.isKnown("groundwork.schedule.cron")).as("renamed to groundwork.sync.cron").isFalse();
        assertThat(SettingKeys.isKnown("groundwork.index.refresh-intervall")).isFalse();
        assertThat(SettingKeys.isKnown("groundwork.sync.sources[0].folder")).isFalse();
    }

    @Test
    void theEnvironmentsVariablesAreReadAsSpringReadsThemAndToldApart() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                "GROUNDWORK_LLM_BASE_URL", "http://localhost:11434/v1",
                "GROUNDWORK_SYNC_SOURCES_0_DIR", "/srv/notes",
                "GROUNDWORK_UID", "1000")));
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "groundwork.index.dir", "index", "groundwork.indexx.dir", "index")));

        assertThat(SettingKeys.unknownIn(environment))
                .extracting(SettingKeys.Unknown::key, SettingKeys.Unknown::environment)
                .containsExactlyInAnyOrder(tuple("groundwork.indexx.dir", false), tuple("groundwork.uid", true));
    }

    @Test
    void anUnknownKeyStopsTheStartAndNamesTheKey() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(GroundworkApplication.class)
                .web(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--groundwork.schedule.cron=-",
                "--groundwork.ingest.dir=" + dir.resolve("ingest"), "--groundwork.index.dir=" + dir.resolve("index")))
                .isInstanceOf(UnknownSettingException.class)
                .hasMessageContaining("'groundwork.schedule.cron'").hasMessageContaining("commandLineArgs");
    }
}
