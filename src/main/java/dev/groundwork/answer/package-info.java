/**
 * Grounded answers: numbered sources within a token budget, the extractive and LLM answerers, the fallback from
 * one to the other, and the checks every answer goes through (citations, support, abstention).
 */
package dev.groundwork.answer;
