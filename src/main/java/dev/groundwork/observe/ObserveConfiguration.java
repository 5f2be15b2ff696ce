package dev.groundwork.observe;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The stages and outcomes every feature reports to, and the request id on every log line of a request: set first of
 * all filters (so the security chain's refusals and audit lines carry it too) and handed on, with the observation in
 * scope, to the threads that take a request's work on.
 */
@Configuration(proxyBeanMethods = false)
class ObserveConfiguration {

    static {
        // the request id goes wherever the observation goes (ContextPropagatingTaskDecorator)
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
    }

    @Bean
    Stages stages(ObservationRegistry observations) {
        return new Stages(observations);
    }

    @Bean
    Outcomes outcomes(MeterRegistry meters) {
        return new Outcomes(meters, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
