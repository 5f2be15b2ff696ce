package dev.groundwork.security;

import org.springframework.security.authentication.BadCredentialsException;

/** A bearer token that is not an active API key, and why. It names the key by its prefix only. */
class ApiKeyRejectedException extends BadCredentialsException {

    enum Reason {
        MALFORMED("The bearer token is not a Groundwork API key."),
        UNKNOWN("The API key is not known."),
        EXPIRED("The API key has expired."),
        REVOKED("The API key was revoked.");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }

    private final Reason reason;
    private final String shownPart;

    ApiKeyRejectedException(Reason reason, String shownPart) {
        super(reason.detail);
        this.reason = reason;
        this.shownPart = shownPart;
    }

    Reason reason() {
        return reason;
    }

    /** The key's prefix, or as much of the token as may be logged. */
    String shownPart() {
        return shownPart;
    }
}
