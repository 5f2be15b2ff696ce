package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTests {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private ApiKeys keys() {
        return new ApiKeys(dir.resolve("keys/api-keys.json"), clock);
    }

    @Test
    void aKeyIsKeptAsItsHashAndPrefixOnlyInAFileOnlyItsOwnerReads() throws IOException {
        ApiKeys.Created created = keys().create("ci", Role.EDITOR, null);

        String file = Files.readString(dir.resolve("keys/api-keys.json"));
        assertThat(created.secret()).matches("gwk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}").startsWith(created.key().prefix() + "_");
        assertThat(file).doesNotContain(created.secret()).doesNotContain(created.secret().substring(13))
                .contains(created.key().prefix()).contains(ApiKeyFormat.sha256(created.secret()))
                .contains("\"role\" : \"editor\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/api-keys.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))))
                .isEqualTo("rwx------");
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(created.key().toString()).doesNotContain(created.key().sha256());
    }

    @Test
    void theKeyAuthenticatesWithItsRoleAndAnyOtherTokenIsRefusedWithItsReason() {
        ApiKeys keys = keys();
        ApiKeys.Created created = keys.create("reader-one", Role.READER, null);

        assertThat(keys.authenticate(created.secret()).role()).isEqualTo(Role.READER);
        assertRejected(keys, created.secret().substring(0, 20) + "x".repeat(36), ApiKeyRejectedException.Reason.UNKNOWN);
        assertRejected(keys, "gwk_zzzzzzzz_" + "A".repeat(43), ApiKeyRejectedException.Reason.UNKNOWN);
        assertRejected(keys, "eyJhbGciOiJSUzI1NiJ9.e30.sig", ApiKeyRejectedException.Reason.MALFORMED);
    }

    @Test
    void aKeyExpiresAtTheEndOfItsLifetime() {
        ApiKeys keys = keys();
        ApiKeys.Created created = keys.create("short", Role.READER, Duration.ofDays(90));

        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(keys.authenticate(created.secret()).name()).isEqualTo("short");
        clock.advance(Duration.ofSeconds(1));
        assertRejected(keys, created.secret(), ApiKeyRejectedException.Reason.EXPIRED);
        assertThat(keys.list().get(0).state(clock.instant())).isEqualTo(ApiKey.State.EXPIRED);
    }

    @Test
    void aRevocationWrittenByAnotherProcessCountsAtOnce() {
        ApiKeys service = keys();
        ApiKeys.Created created = service.create("ci", Role.EDITOR, null);
        assertThat(service.authenticate(created.secret()).name()).isEqualTo("ci");

        ApiKey revoked = keys().revoke("ci");

        assertThat(revoked.revokedAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertRejected(service, created.secret(), ApiKeyRejectedException.Reason.REVOKED);
        assertThat(service.isActive(created.key().prefix())).isFalse();
    }

    @Test
    void keysAreRevokedByPrefixOrNameAndTheNameIsFreeAgain() {
        ApiKeys keys = keys();
        ApiKey first = keys.create("deploy", Role.ADMIN, null).key();
        keys.revoke(first.prefix());

        ApiKey second = keys.create("deploy", Role.ADMIN, null).key();

        assertThat(keys.list()).extracting(ApiKey::prefix).containsExactlyInAnyOrder(first.prefix(), second.prefix());
        assertThat(keys.revoke("deploy").prefix()).isEqualTo(second.prefix());
        assertThatThrownBy(() -> keys.revoke("nobody")).isInstanceOf(ApiKeyNotFoundException.class);
    }

    @Test
    void badNamesTakenNamesAndBadLifetimesAreRefusedAndNothingIsWritten() {
        ApiKeys keys = keys();
        keys.create("taken", Role.READER, null);

        assertThatThrownBy(() -> keys.create("taken", Role.EDITOR, null)).isInstanceOf(InvalidKeyRequestException.class)
                .hasMessageContaining("already named 'taken'");
        assertThatThrownBy(() -> keys.create("two words", Role.READER, null))
                .isInstanceOf(InvalidKeyRequestException.class);
        assertThatThrownBy(() -> keys.create("x", Role.READER, Duration.ofDays(-1)))
                .isInstanceOf(InvalidKeyRequestException.class);
        assertThatThrownBy(() -> KeyLifetimes.parse("ninety days")).isInstanceOf(InvalidKeyRequestException.class);
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void anUnreadableKeyFileIsAnErrorNotAnEmptyList() throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/api-keys.json"), "{ not json");

        assertThatThrownBy(() -> keys().list()).isInstanceOf(ApiKeyStoreException.class)
                .hasMessageContaining("groundwork.security.keys-file");
    }

    @Test
    void noFileIsNoKeys() {
        assertThat(keys().list()).isEmpty();
        assertRejected(keys(), "gwk_aaaaaaaa_" + "A".repeat(43), ApiKeyRejectedException.Reason.UNKNOWN);
    }

    private static void assertRejected(ApiKeys keys, String token, ApiKeyRejectedException.Reason reason) {
        assertThatThrownBy(() -> keys.authenticate(token)).isInstanceOfSatisfying(ApiKeyRejectedException.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
