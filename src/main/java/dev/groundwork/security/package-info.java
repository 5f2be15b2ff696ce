/**
 * Who may do what: the three ways to run ({@code local}, {@code keys}, {@code oidc}), API keys and their command,
 * roles and the access rules of every endpoint, the protections every mode keeps (Host allowlist, refusal of
 * cross-site requests, rate limits), and the audit log of every write. Built on Spring Security; the feature
 * packages never depend on it.
 */
package dev.groundwork.security;
