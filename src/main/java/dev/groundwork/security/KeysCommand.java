package dev.groundwork.security;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./run.sh keys create --name ci --role editor [--expires 90d]}, {@code keys list},
 * {@code keys revoke <prefix or name>}: API keys from the command line. Settings are read as the service reads
 * them (application.yml, {@code GROUNDWORK_*} variables, {@code --groundwork.security.keys-file=...}), so the
 * command writes the file the service reads; a running service sees the change at its next request.
 */
public final class KeysCommand {

    static final String USAGE = """
            Usage:
              keys create --name NAME --role reader|editor|admin [--expires 90d]
              keys list
              keys revoke PREFIX|NAME
            Settings as for the service, e.g. --groundwork.security.keys-file=/data/keys/api-keys.json""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ApiKeys keys;
    private final AuditLog audit;
    private final PrintStream out;
    private final Actor actor = new Actor(System.getProperty("user.name", "unknown"), "command-line", null, null);

    KeysCommand(ApiKeys keys, AuditLog audit, PrintStream out) {
        this.keys = keys;
        this.audit = audit;
        this.out = out;
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 bad usage). */
    public static int run(String[] args) {
        List<String> command = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") && arg.contains("=") && arg.substring(2).contains(".") ? settings : command).add(arg);
        }
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("logging.level.root", "warn", "logging.level.groundwork.audit", "info"));
        try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
            SecuritySettings security = Binder.get(context.getEnvironment())
                    .bindOrCreate("groundwork.security", SecuritySettings.class);
            return new KeysCommand(new ApiKeys(security.keysFile(), Clock.systemUTC()), new AuditLog(), System.out)
                    .execute(command);
        }
    }

    int execute(List<String> args) {
        try {
            if (args.isEmpty()) {
                return usage("Say what to do.");
            }
            List<String> rest = args.subList(1, args.size());
            return switch (args.get(0)) {
                case "create" -> create(rest);
                case "list" -> rest.isEmpty() ? list() : usage("'keys list' takes no arguments.");
                case "revoke" -> rest.size() == 1 ? revoke(rest.get(0)) : usage("Name one key to revoke.");
                default -> usage("Unknown command '" + args.get(0) + "'.");
            };
        } catch (InvalidKeyRequestException | ApiKeyNotFoundException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (ApiKeyStoreException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private int create(List<String> args) {
        String name = null;
        String role = null;
        String expires = null;
        List<String> words = new ArrayList<>();
        args.forEach(arg -> words.addAll(arg.startsWith("--") && arg.contains("=")
                ? List.of(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)) : List.of(arg)));
        for (int i = 0; i < words.size(); i++) {
            String option = words.get(i);
            if (i + 1 >= words.size()) {
                return usage("'" + option + "' needs a value.");
            }
            String value = words.get(++i);
            switch (option) {
                case "--name" -> name = value;
                case "--role" -> role = value;
                case "--expires" -> expires = value;
                default -> {
                    return usage("Unknown option '" + option + "'.");
                }
            }
        }
        if (name == null || role == null) {
            return usage("'keys create' needs --name and --role.");
        }
        String roleLabel = role;
        Role parsed = Role.ofLabel(role).orElseThrow(() -> new InvalidKeyRequestException("INVALID_ROLE",
                "'" + roleLabel + "' is not a role; a key's role is reader, editor or admin."));
        Duration lifetime = KeyLifetimes.parse(expires);
        ApiKeys.Created created = keys.create(name, parsed, lifetime);
        ApiKey key = created.key();
        audit.record(AuditEntry.of("key-create", "created").with("key", key.prefix()).with("name", key.name())
                .with("grants", key.role().label()).with("expires", key.expiresAt()), actor, null);
        out.println("Created the " + key.role().label() + " key '" + key.name() + "' (" + key.prefix() + "), "
                + (key.expiresAt() == null ? "not expiring" : "valid until " + TIME.format(key.expiresAt())) + ":");
        out.println();
        out.println("    " + created.secret());
        out.println();
        out.println("It is shown only this once: Groundwork keeps its hash, not the key. Send it as");
        out.println("'Authorization: Bearer <key>', or paste it into the page's sign-in.");
        return 0;
    }

    private int list() {
        List<ApiKey> all = keys.list();
        if (all.isEmpty()) {
            out.println("No API keys in " + keys.file() + ". Create one with: keys create --name NAME --role ROLE");
            return 0;
        }
        Instant now = Instant.now();
        int width = Math.max(4, all.stream().mapToInt(key -> key.name().length()).max().orElse(4));
        String row = "%-12s  %-" + width + "s  %-6s  %-8s  %-20s  %s%n";
        out.printf(row, "PREFIX", "NAME", "ROLE", "STATE", "CREATED", "EXPIRES");
        for (ApiKey key : all) {
            out.printf(row, key.prefix(), key.name(), key.role().label(), key.state(now).label(),
                    TIME.format(key.createdAt()), key.expiresAt() == null ? "never" : TIME.format(key.expiresAt()));
        }
        return 0;
    }

    private int revoke(String prefixOrName) {
        ApiKey key = keys.revoke(prefixOrName);
        audit.record(AuditEntry.of("key-revoke", "revoked").with("key", key.prefix()).with("name", key.name()), actor,
                null);
        out.println("Revoked the key '" + key.name() + "' (" + key.prefix() + "). Requests and sessions using it are"
                + " refused from now on.");
        return 0;
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        return 2;
    }

    /** The command's context holds no beans: it is there to read settings as the service does. */
    static final class NoBeans {
    }
}
