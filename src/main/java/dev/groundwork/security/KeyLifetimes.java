package dev.groundwork.security;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** A key's lifetime as people write it: {@code 90d}, {@code 12h}, {@code 30m}, or ISO-8601 ({@code P90D}). */
final class KeyLifetimes {

    private KeyLifetimes() {
    }

    /** @return null for null or blank text: a key that does not expire */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyRequestException("INVALID_KEY_EXPIRY", "'" + text + "' is not a lifetime; write it as"
                    + " 90d, 12h or 30m.");
        }
    }
}
