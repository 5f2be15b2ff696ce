package dev.groundwork.web;

import java.util.List;

/**
 * A question for {@code POST /api/ask}.
 *
 * @param k              how many chunks to retrieve; null for the configured default
 * @param documentIds    only these documents; null or empty for all
 * @param conversationId continue a conversation the service keeps (the {@code conversationId} of an earlier reply);
 *                       null to start one
 * @param history        or the earlier turns, sent by the client (then nothing is kept); not with conversationId
 */
record AskRequest(String question, Integer k, List<String> documentIds, String conversationId,
                  List<TurnView> history) {

    /** An earlier question and its answer, as a client sends it. */
    record TurnView(String question, String answer) {
    }
}
