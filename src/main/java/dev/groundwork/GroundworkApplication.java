package dev.groundwork;

import dev.groundwork.eval.EvalCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Groundwork: grounded question answering over a person's own documents. Started with {@code eval} as its first
 * argument, it runs the evaluation command instead of the service.
 */
@SpringBootApplication
@EnableScheduling
public class GroundworkApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "eval".equals(args[0])) {
            System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(GroundworkApplication.class, args);
    }
}
