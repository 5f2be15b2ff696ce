package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./run.sh keys ...}: what it prints, what it keeps, how it refuses. */
class KeysCommandTests {

    private static final Pattern KEY = Pattern.compile("gwk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        return new KeysCommand(new ApiKeys(dir.resolve("api-keys.json"), Clock.systemUTC()), new AuditLog(),
                new PrintStream(out, true, StandardCharsets.UTF_8)).execute(List.of(args));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createShowsTheKeyOnceAndListNamesItByItsPrefixOnly() throws Exception {
        assertThat(run("create", "--name", "ci", "--role", "editor", "--expires", "90d")).isZero();
        Matcher key = KEY.matcher(printed());
        assertThat(key.find()).isTrue();
        assertThat(printed()).contains("Created the editor key 'ci'", "valid until", "shown only this once");
        out.reset();

        assertThat(run("list")).isZero();

        assertThat(printed()).containsPattern(key.group().substring(0, 12) + " +ci +editor +active")
                .doesNotContain(key.group());
        assertThat(Files.readString(dir.resolve("api-keys.json"))).doesNotContain(key.group());
    }

    @Test
    void revokeByNameMarksTheKeyRevoked() {
        run("create", "--name=deploy", "--role=admin");
        out.reset();

        assertThat(run("revoke", "deploy")).isZero();
        assertThat(printed()).contains("Revoked the key 'deploy'");
        out.reset();
        run("list");
        assertThat(printed()).containsPattern("deploy +admin +revoked");
    }

    @Test
    void badUsageIsRefusedWithExitCode2AndUnknownKeysWith1() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("create", "--name", "x")).isEqualTo(2);
        assertThat(run("create", "--name", "x", "--role", "owner")).isEqualTo(1);
        assertThat(run("create", "--name", "x", "--role", "reader", "--expires", "soon")).isEqualTo(1);
        assertThat(run("rotate")).isEqualTo(2);
        assertThat(run("revoke", "gwk_aaaaaaaa")).isEqualTo(1);
        assertThat(new ApiKeys(dir.resolve("api-keys.json"), Clock.systemUTC()).list()).isEmpty();
    }

    @Test
    void theCommandReadsTheKeyFileSettingAsTheServiceDoes() {
        Path file = dir.resolve("elsewhere/keys.json");

        int exit = KeysCommand.run(new String[] {"create", "--name", "from-settings", "--role", "reader",
                "--groundwork.security.keys-file=" + file});

        assertThat(exit).isZero();
        assertThat(new ApiKeys(file, Clock.systemUTC()).list()).extracting(ApiKey::name).containsExactly("from-settings");
    }
}
