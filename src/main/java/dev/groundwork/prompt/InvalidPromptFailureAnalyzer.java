package dev.groundwork.prompt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad prompt file at start-up into a short message that names the file, instead of a stack trace. */
class InvalidPromptFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPromptException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPromptException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix " + cause.file().getFileName() + " (prompts/README.md lists every file and placeholder), "
                        + "or point groundwork.prompts.dir at a folder with valid prompt files.", cause);
    }
}
