package dev.groundwork.security;

/** No key has the prefix or name asked for. */
public class ApiKeyNotFoundException extends RuntimeException {

    ApiKeyNotFoundException(String prefixOrName) {
        super("No API key has the prefix or name '" + prefixOrName + "'.");
    }
}
