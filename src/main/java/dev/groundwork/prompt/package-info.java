/**
 * The prompt catalog: prompt templates read once from the prompts folder ({@code groundwork.prompts.dir}),
 * checked for their placeholders at start-up.
 */
package dev.groundwork.prompt;
