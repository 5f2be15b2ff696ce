package dev.groundwork.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys over the API, for admins: the same as {@code ./run.sh keys list|create|revoke}. A key is in the reply
 * to its creation and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/keys")
class KeysController {

    /** A key as lists show it: named by its prefix. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(String prefix, String name, String role, String state, Instant createdAt, Instant expiresAt,
                   Instant revokedAt) {
        static KeyView of(ApiKey key, Instant now) {
            return new KeyView(key.prefix(), key.name(), key.role().label(), key.state(now).label(), key.createdAt(),
                    key.expiresAt(), key.revokedAt());
        }
    }

    record KeyList(List<KeyView> keys) {
    }

    /** @param expiresIn e.g. {@code 90d}; absent for a key that does not expire */
    record CreateKey(String name, String role, String expiresIn) {
    }

    /** The reply to a creation: the key itself, shown this once. */
    record CreatedKey(String key, KeyView details) {
    }

    private final ApiKeys keys;
    private final AuditLog audit;

    KeysController(ApiKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping
    KeyList list() {
        Instant now = keys.now();
        return new KeyList(keys.list().stream().map(key -> KeyView.of(key, now)).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedKey> create(@RequestBody CreateKey request) {
        Role role = Role.ofLabel(String.valueOf(request.role())).orElseThrow(() -> new InvalidKeyRequestException(
                "INVALID_ROLE", "A key's role is reader, editor or admin."));
        ApiKeys.Created created = keys.create(request.name(), role, KeyLifetimes.parse(request.expiresIn()));
        audit.record(AuditEntry.of("key-create", "created").with("key", created.key().prefix())
                .with("name", created.key().name()).with("grants", role.label())
                .with("expires", created.key().expiresAt()));
        return ResponseEntity.created(URI.create("/api/keys/" + created.key().prefix()))
                .body(new CreatedKey(created.secret(), KeyView.of(created.key(), keys.now())));
    }

    @DeleteMapping("/{prefix}")
    ResponseEntity<Void> revoke(@PathVariable String prefix) {
        if (!ApiKeyFormat.isPrefix(prefix)) {
            throw new ApiKeyNotFoundException(prefix);
        }
        ApiKey revoked = keys.revoke(prefix);
        audit.record(AuditEntry.of("key-revoke", "revoked").with("key", revoked.prefix()).with("name", revoked.name()));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidKeyRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidKeyRequestException e) {
        HttpStatus status = "KEY_NAME_TAKEN".equals(e.code()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, e.code(), e.getMessage()));
    }

    @ExceptionHandler(ApiKeyNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ApiKeyNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                e.getMessage()));
    }
}
