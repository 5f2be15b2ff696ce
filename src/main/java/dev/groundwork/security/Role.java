package dev.groundwork.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do; each role includes the ones before it. */
public enum Role {
    /** Ask, search, list and read documents, use the page. */
    READER,
    /** A reader who may also upload, delete and re-index. */
    EDITOR,
    /** An editor who may also see health details, metrics and the API description, and manage API keys. */
    ADMIN;

    /** The authority Spring Security checks for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role's name as settings and the API spell it: {@code reader}, {@code editor}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a label names, in any case; empty for anything else. */
    public static Optional<Role> ofLabel(String label) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(label.strip())).findFirst();
    }

    /** The highest role among granted authorities, if any. */
    public static Optional<Role> highestOf(Iterable<? extends org.springframework.security.core.GrantedAuthority> granted) {
        Role best = null;
        for (var authority : granted) {
            for (Role role : values()) {
                if (role.authority().equals(authority.getAuthority()) && (best == null || role.includes(best))) {
                    best = role;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
