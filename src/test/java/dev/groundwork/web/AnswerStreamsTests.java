package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.retrieve.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** A failure after a stream has begun becomes an {@code error} event with the same problem the JSON API gives. */
class AnswerStreamsTests {

    @Test
    void anInvalidQueryKeepsItsCodeAndStatus() {
        ProblemDetail problem = AnswerStreams.problemFor(new InvalidQueryException("QUERY_TOO_LONG", "Too long."));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "QUERY_TOO_LONG");
        assertThat(problem.getDetail()).isEqualTo("Too long.");
    }

    @Test
    void anIndexFailureIsAServiceUnavailableProblemThatTellsNothingOfTheInside() {
        ProblemDetail problem = AnswerStreams.problemFor(new IndexUnavailableException("disk /var/x is full", null));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "INDEX_UNAVAILABLE");
        assertThat(problem.getDetail()).doesNotContain("/var/x");
    }

    @Test
    void anythingElseIsAnInternalError() {
        ProblemDetail problem = AnswerStreams.problemFor(new IllegalStateException("secret detail"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(problem.getDetail()).doesNotContain("secret");
    }
}
