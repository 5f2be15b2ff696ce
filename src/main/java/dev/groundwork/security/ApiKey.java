package dev.groundwork.security;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API key as Groundwork keeps it: its prefix, which names it in lists and logs, the SHA-256 of the whole key,
 * never the key itself.
 *
 * @param expiresAt null for a key that does not expire
 * @param revokedAt null while the key is not revoked
 */
public record ApiKey(String prefix, String name, Role role, String sha256, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {

    /** Key names: what a person would call a client, safe to print in a table or a log line. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Whether a key can be used, and if not, why. */
    public enum State {
        ACTIVE, EXPIRED, REVOKED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ApiKey {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A key's name is 1 to 64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit: " + name);
        }
    }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? State.EXPIRED : State.ACTIVE;
    }

    ApiKey revoked(Instant at) {
        return new ApiKey(prefix, name, role, sha256, createdAt, expiresAt, at);
    }

    /** Without the hash: a key is named by its prefix wherever it is shown. */
    @Override
    public String toString() {
        return "ApiKey[" + prefix + " '" + name + "' " + role.label() + "]";
    }
}
