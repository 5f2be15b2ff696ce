package dev.groundwork.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The {@code groundwork.*} keys that exist, read from {@link GroundworkProperties} and its nested records: Spring
 * ignores a key it does not know, so a typo (or a key renamed since) would quietly leave a default in place. The
 * service stops at start-up on such a key ({@link SettingsConfiguration}), the evaluation command before it measures.
 * Keys are compared as Spring binds them: any of its relaxed forms ({@code refresh-interval}, {@code refreshInterval},
 * {@code GROUNDWORK_INDEX_REFRESH_INTERVAL}) and any list index.
 */
public final class SettingKeys {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("groundwork");
    /**
     * Every key in the squashed form of {@link #squashed}: lower case, nothing but letters and digits, any list index
     * allowed. Squashed, the forms of one key are one: {@code base-url}, {@code baseUrl}, and {@code BASE_URL} of the
     * environment (which Spring reads as {@code base.url}).
     */
    private static final List<Pattern> KNOWN = known();

    /** A key set somewhere that names no setting. */
    public record Unknown(String key, String source, boolean environment) {
    }

    private SettingKeys() {
    }

    /** Whether a key names a setting ({@code groundwork.} prefix included). */
    public static boolean isKnown(String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.isValid(key) ? ConfigurationPropertyName.of(key)
                : ConfigurationPropertyName.adapt(key, '.');
        return isKnown(name);
    }

    private static boolean isKnown(ConfigurationPropertyName name) {
        String squashed = squashed(name);
        return KNOWN.stream().anyMatch(known -> known.matcher(squashed).matches());
    }

    /** Every setting, as the README's table writes it. */
    public static Set<String> all() {
        Set<String> keys = new TreeSet<>();
        collect(GroundworkProperties.class, "groundwork", keys, false);
        return keys;
    }

    /** Every {@code groundwork.*} key set in the environment that names no setting, with where it was set. */
    public static List<Unknown> unknownIn(ConfigurableEnvironment environment) {
        List<Unknown> unknown = new ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean fromEnvironment = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            iterable.stream().filter(ROOT::isAncestorOf)
                    .filter(name -> !isKnown(name))
                    .forEach(name -> unknown.add(new Unknown(name.toString(), String.valueOf(
                            source.getUnderlyingSource() instanceof org.springframework.core.env.PropertySource<?> named
                                    ? named.getName() : source.getUnderlyingSource()), fromEnvironment)));
        }
        return unknown;
    }

    private static String squashed(ConfigurationPropertyName name) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            key.append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
        }
        return key.toString();
    }

    private static List<Pattern> known() {
        Set<String> keys = new TreeSet<>();
        collect(GroundworkProperties.class, "groundwork", keys, true);
        return keys.stream().map(key -> Pattern.compile(Arrays.stream(key.replace(".", "").split("\\[\\*]", -1))
                .map(Pattern::quote).collect(Collectors.joining("\\d+")))).toList();
    }

    /** The keys of a settings record: its components, nested records' components, list elements. */
    private static void collect(Class<?> record, String prefix, Collection<String> keys, boolean forMatching) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = forMatching ? component.getName().toLowerCase(Locale.ROOT) : kebab(component.getName());
            String key = prefix + "." + name;
            Class<?> type = component.getType();
            if (type.isRecord()) {
                collect(type, key, keys, forMatching);
            } else if (List.class.isAssignableFrom(type)) {
                Class<?> element = elementOf(component.getGenericType());
                keys.add(key);
                if (element != null && element.isRecord()) {
                    collect(element, key + (forMatching ? "[*]" : "[n]"), keys, forMatching);
                } else if (forMatching) {
                    keys.add(key + "[*]");
                }
            } else {
                keys.add(key);
            }
        }
    }

    private static Class<?> elementOf(Type list) {
        if (list instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
