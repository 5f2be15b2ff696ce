package dev.groundwork;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Groundwork: grounded question answering over a person's own documents. */
@SpringBootApplication
@EnableScheduling
public class GroundworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroundworkApplication.class, args);
    }
}
