package dev.groundwork.eval;

import dev.groundwork.config.SettingKeys;

/**
 * Refuses a configuration that sets a key naming no setting ({@link SettingKeys}, the check the service makes at
 * start-up): Spring ignores such a key, so a typo would quietly measure the defaults under the configuration's name.
 */
final class KnownSettings {

    private KnownSettings() {
    }

    static void check(EvalConfig config) {
        for (String key : config.settings().keySet()) {
            if (!SettingKeys.isKnown(key)) {
                throw new IllegalArgumentException("configuration '" + config.name() + "': there is no setting '"
                        + key + "'; known: " + String.join(", ", SettingKeys.all()));
            }
        }
    }
}
