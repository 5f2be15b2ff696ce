package dev.groundwork.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * API keys: created with a role and an optional lifetime, listed, revoked, and checked on every request. A key is
 * shown once, when it is created; only its SHA-256 is kept.
 */
public class ApiKeys {

    /** The longest lifetime a key may be given; a key that should outlive this should not expire at all. */
    static final Duration LONGEST_LIFETIME = Duration.ofDays(3650);

    /** A key just created: what is kept of it, and the key itself, to be shown this once. */
    public record Created(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    private final ApiKeyFile file;
    private final Clock clock;

    public ApiKeys(Path file, Clock clock) {
        this.file = new ApiKeyFile(file);
        this.clock = clock;
    }

    /** The file the keys are kept in. */
    public Path file() {
        return file.path();
    }

    /**
     * @param lifetime null for a key that does not expire
     * @throws InvalidKeyRequestException for a bad name, a name an active key has, or a lifetime out of range
     */
    public Created create(String name, Role role, Duration lifetime) {
        if (name == null || !ApiKey.NAME.matcher(name).matches()) {
            throw new InvalidKeyRequestException("INVALID_KEY_NAME", "A key's name is 1 to 64 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit.");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0)) {
            throw new InvalidKeyRequestException("INVALID_KEY_EXPIRY", "A key's lifetime is between a second and "
                    + LONGEST_LIFETIME.toDays() + " days; leave it out for a key that does not expire.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ApiKeyFormat.Generated generated = ApiKeyFormat.generate();
        ApiKey key = new ApiKey(generated.prefix(), name, role, ApiKeyFormat.sha256(generated.key()), now,
                lifetime == null ? null : now.plus(lifetime), null);
        file.update(keys -> {
            if (keys.stream().anyMatch(other -> other.name().equals(name) && other.state(now) == ApiKey.State.ACTIVE)) {
                throw new InvalidKeyRequestException("KEY_NAME_TAKEN", "An active key is already named '" + name
                        + "'; revoke it first or choose another name.");
            }
            List<ApiKey> changed = new ArrayList<>(keys);
            changed.add(key);
            return changed;
        });
        return new Created(key, generated.key());
    }

    /** Every key, active or not, newest first. */
    public List<ApiKey> list() {
        return file.keys().stream().sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    /**
     * Revokes a key named by its prefix, or by its name when one active key has it. Revoking a revoked key changes
     * nothing.
     *
     * @throws ApiKeyNotFoundException when no key has that prefix or name
     */
    public ApiKey revoke(String prefixOrName) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ApiKey[] revoked = new ApiKey[1];
        file.update(keys -> {
            ApiKey target = find(keys, prefixOrName, now)
                    .orElseThrow(() -> new ApiKeyNotFoundException(prefixOrName));
            revoked[0] = target.revokedAt() == null ? target.revoked(now) : target;
            return keys.stream().map(key -> key.prefix().equals(target.prefix()) ? revoked[0] : key).toList();
        });
        return revoked[0];
    }

    private static Optional<ApiKey> find(List<ApiKey> keys, String prefixOrName, Instant now) {
        Optional<ApiKey> byPrefix = keys.stream().filter(key -> key.prefix().equals(prefixOrName)).findFirst();
        return byPrefix.isPresent() ? byPrefix : keys.stream()
                .filter(key -> key.name().equals(prefixOrName) && key.state(now) == ApiKey.State.ACTIVE).findFirst();
    }

    /**
     * The key a bearer token is, if it is an active one.
     *
     * @throws ApiKeyRejectedException naming why it is not
     */
    ApiKey authenticate(String token) {
        String prefix = ApiKeyFormat.prefixOf(token)
                .orElseThrow(() -> new ApiKeyRejectedException(ApiKeyRejectedException.Reason.MALFORMED,
                        ApiKeyFormat.shownPart(token)));
        ApiKey key = file.keys().stream().filter(candidate -> candidate.prefix().equals(prefix)).findFirst()
                .filter(candidate -> ApiKeyFormat.matches(token, candidate.sha256()))
                .orElseThrow(() -> new ApiKeyRejectedException(ApiKeyRejectedException.Reason.UNKNOWN, prefix));
        switch (key.state(clock.instant())) {
            case REVOKED -> throw new ApiKeyRejectedException(ApiKeyRejectedException.Reason.REVOKED, prefix);
            case EXPIRED -> throw new ApiKeyRejectedException(ApiKeyRejectedException.Reason.EXPIRED, prefix);
            case ACTIVE -> {
                return key;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Whether the key with this prefix can still be used: a session made from a key ends with the key. */
    boolean isActive(String prefix) {
        Instant now = clock.instant();
        return file.keys().stream().anyMatch(key -> key.prefix().equals(prefix) && key.state(now) == ApiKey.State.ACTIVE);
    }

    Instant now() {
        return clock.instant();
    }
}
