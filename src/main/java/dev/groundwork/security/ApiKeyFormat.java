package dev.groundwork.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code gwk_} and eight characters that name it (the prefix, shown in lists and
 * logs), then {@code _} and 256 random bits. The fixed start lets secret scanners and the service tell a key from
 * any other bearer token. Keys are random, not chosen by people, so one SHA-256 is enough to keep them safe at
 * rest.
 */
final class ApiKeyFormat {

    static final String START = "gwk_";
        private static final Pattern PREFIX = Pattern.compile("gwk_[a-z2-7]{8}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@code gwk_} and the eight characters of the name. */
    private static final int PREFIX_LENGTH = START.length() + 8;
    /** The prefix, {@code _}, and 43 characters of base64url (256 bits, unpadded). */
    private static final int LENGTH = PREFIX_LENGTH + 1 + 43;
    /** Looked up once: {@link MessageDigest#getInstance} searches the providers each time, on every API call. */
    private static final MessageDigest SHA_256 = newSha256();

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

    /**
     * The prefix of a well-formed key; empty for anything else. The test {@code gwk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}},
     * written out: it runs on every API call, where the regular expression was a measurable part of a key's check.
     */
    static Optional<String> prefixOf(String key) {
        if (key.length() != LENGTH || !key.startsWith(START) || key.charAt(PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        for (int i = START.length(); i < PREFIX_LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                return Optional.empty();
            }
        }
        for (int i = PREFIX_LENGTH + 1; i < LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return Optional.empty();
            }
        }
        return Optional.of(key.substring(0, PREFIX_LENGTH));
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
        return HexFormat.of().formatHex(sha256Digest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** A digest of this thread's own, copied from the one looked up at start (a digest is not thread-safe). */
    private static MessageDigest sha256Digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean matches(String key, String sha256) {
        return MessageDigest.isEqual(sha256(key).getBytes(StandardCharsets.US_ASCII),
                sha256.getBytes(StandardCharsets.US_ASCII));
    }
}
