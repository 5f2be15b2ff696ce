package dev.groundwork;

import dev.groundwork.eval.EvalCommand;
import dev.groundwork.security.KeysCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Groundwork: grounded question answering over a person's own documents. Started with {@code eval} or {@code keys}
 * as its first argument, it runs the evaluation command or the API key command instead of the service.
 */
// No user store: callers are told by API keys, a sign-in provider, or (local) the loopback; Boot's generated user
// would only add a password nobody uses.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class GroundworkApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "eval".equals(args[0])) {
            System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(KeysCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(GroundworkApplication.class, args);
    }
}
