package dev.groundwork.web;

import java.util.List;

/**
 * A question for {@code POST /api/ask}.
 *
 * @param k           how many chunks to retrieve; null for the configured default
 * @param documentIds only these documents; null or empty for all
 */
record AskRequest(String question, Integer k, List<String> documentIds) {
}
