package dev.groundwork.eval;

import dev.groundwork.config.GroundworkProperties;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code groundwork.*} keys that exist, read from {@link GroundworkProperties}: Spring ignores a key it does not
 * know, so a typo in a configuration would quietly measure the defaults under the configuration's name.
 */
final class KnownSettings {

    private static final Set<String> KEYS = keys();

    private KnownSettings() {
    }

    static void check(EvalConfig config) {
        for (String key : config.settings().keySet()) {
            // A list or map setting takes indexed or nested keys: groundwork.x.sources[0].dir
            boolean known = KEYS.contains(key) || KEYS.stream().anyMatch(k -> key.startsWith(k + ".") || key.startsWith(k + "["));
            if (!known) {
                throw new IllegalArgumentException("configuration '" + config.name() + "': there is no setting '"
                        + key + "'; known: " + String.join(", ", KEYS));
            }
        }
    }

    private static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (RecordComponent section : GroundworkProperties.class.getRecordComponents()) {
            if (!section.getType().isRecord()) {
                continue;
            }
            for (RecordComponent setting : section.getType().getRecordComponents()) {
                keys.add("groundwork." + kebab(section.getName()) + "." + kebab(setting.getName()));
            }
        }
        return keys;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
