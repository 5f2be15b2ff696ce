package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written key check against the regular expression that defines a key's shape. */
class ApiKeyFormatTests {

    private static final Pattern KEY = Pattern.compile("(gwk_[a-z2-7]{8})_([A-Za-z0-9_-]{43})");
    /** Characters in and just outside each class of the pattern, and some that no key has. */
    private static final String PROBES = "az27AZ09_-18{`@[/:.=+ \té\u0000\u00ff\uffff";

    @Test
    void agreesWithThePatternOnEveryChangeOfOneCharacterAndEveryLength() {
        String key = ApiKeyFormat.generate().key();
        List<String> candidates = new ArrayList<>(List.of(key, "", "gwk_", key + "a", key.substring(1),
                key.substring(0, key.length() - 1), key.toUpperCase(), "Bearer " + key, key.replace("gwk_", "GWK_")));
        for (int i = 0; i < key.length(); i++) {
            for (char probe : PROBES.toCharArray()) {
                candidates.add(key.substring(0, i) + probe + key.substring(i + 1));
            }
            candidates.add(key.substring(0, i) + key.substring(i + 1));
            candidates.add(key.substring(0, i) + "x" + key.substring(i));
        }
        int accepted = 0;
        for (String candidate : candidates) {
            Matcher matcher = KEY.matcher(candidate);
            Optional<String> expected = matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
            assertThat(ApiKeyFormat.prefixOf(candidate)).as(candidate).isEqualTo(expected);
            accepted += expected.isPresent() ? 1 : 0;
        }
        // both answers were exercised: many changes keep a valid key, many do not
        assertThat(accepted).isBetween(100, candidates.size() - 100);
    }

    @Test
    void aKeyMatchesItsOwnHashAndNoOther() {
        String key = ApiKeyFormat.generate().key();
        String other = ApiKeyFormat.generate().key();
        assertThat(ApiKeyFormat.sha256(key)).hasSize(64).isNotEqualTo(ApiKeyFormat.sha256(other));
        assertThat(ApiKeyFormat.matches(key, ApiKeyFormat.sha256(key))).isTrue();
        assertThat(ApiKeyFormat.matches(key, ApiKeyFormat.sha256(other))).isFalse();
        // the digest copied for each call starts empty: the same key hashes the same, again and again
        assertThat(ApiKeyFormat.sha256(key)).isEqualTo(ApiKeyFormat.sha256(key));
        assertThat(ApiKeyFormat.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
