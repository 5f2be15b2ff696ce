package dev.groundwork.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unknown setting at start-up into a short message that names it, instead of a stack trace. */
class UnknownSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Remove it, or correct it to a setting the README's "
                + "configuration table lists (groundwork.schedule.* is groundwork.sync.* since the sync was renamed).",
                cause);
    }
}
