/**
 * Answers written by a language model behind an OpenAI-compatible endpoint, with the timeouts, retries and circuit
 * breaker that keep a slow or failing one from holding answers up. Present only when {@code groundwork.llm.base-url}
 * is set; the answer that stands in when it fails is the extractive one ({@code FallbackAnswerer}).
 */
package dev.groundwork.answer.llm;
