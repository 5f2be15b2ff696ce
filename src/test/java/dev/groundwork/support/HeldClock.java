package dev.groundwork.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application a {@link TestClock} in place of the system's ({@code @Import(HeldClock.class)}): time, and so
 * rate-limit refills and expiries, moves only when the test moves it, not with a slow machine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HeldClock {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
