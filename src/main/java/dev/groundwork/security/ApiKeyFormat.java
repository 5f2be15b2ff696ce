package dev.groundwork.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code gwk_} and eight characters that name it (the prefix, shown in lists and
 * logs), then {@code _} and 256 random bits. The fixed start lets secret scanners and the service tell a key from
 * any other bearer token. Keys are random, not chosen by people, so one SHA-256 is enough to keep them safe at
 * rest.
 */
final class ApiKeyFormat {

    static final String START = "gwk_";
    private static final Pattern KEY = Pattern.compile("(gwk_[a-z2-7]{8})_([A-Za-z0-9_-]{43})");
    private static final Pattern PREFIX = Pattern.compile("gwk_[a-z2-7]{8}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A new key: its prefix and the whole key, which is shown once and never stored. */
    record Generated(String prefix, String key) {
        @Override
        public String toString() {
            return "Generated[" + prefix + "]";
        }
    }

    static Generated generate() {
        StringBuilder prefix = new StringBuilder(START);
        for (int i = 0; i < 8; i++) {
            prefix.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new Generated(prefix.toString(),
                prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The prefix of a well-formed key; empty for anything else. */
    static Optional<String> prefixOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * What may be shown of a bearer token in a log line: the prefix of something shaped like a key (even a
     * malformed one), never more.
     */
    static String shownPart(String token) {
        if (token == null) {
            return "-";
        }
        if (token.startsWith(START) && token.length() >= 12 && PREFIX.matcher(token.substring(0, 12)).matches()) {
            return token.substring(0, 12);
        }
        return token.startsWith(START) ? "gwk_?" : "not-a-key";
    }

    static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(START);
    }

    static boolean isPrefix(String text) {
        return PREFIX.matcher(text).matches();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean matches(String key, String sha256) {
        return MessageDigest.isEqual(sha256(key).getBytes(StandardCharsets.US_ASCII),
                sha256.getBytes(StandardCharsets.US_ASCII));
    }
}
