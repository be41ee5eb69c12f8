package com.acme.numbers.bandwidth.guard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.acme.numbers.NumbersGatewayApplication;

/** Resilience4j's own properties would be ignored silently: the gateway refuses to start with them. */
class ResilienceSettingsGuardTests {

    @Test
    void theGatewayRefusesToStartWithAResilience4jPropertyAndNamesItsOwn() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NumbersGatewayApplication.class)
                .properties("server.port=0",
                        "resilience4j.circuitbreaker.instances.bandwidth-search.failure-rate-threshold=10")
                .run().close())
                .rootCause().hasMessageContaining("resilience4j.circuitbreaker.instances.bandwidth-search")
                .hasMessageContaining("gateway.resilience.");
    }

    @Test
    void anEnvironmentVariableIsRefusedToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env",
                Map.of("RESILIENCE4J_RETRY_INSTANCES_BANDWIDTH_READ_MAX_ATTEMPTS", "9")));

        assertThatThrownBy(() -> ResilienceSettingsGuard.check(environment))
                .hasMessageContaining("RESILIENCE4J_RETRY_INSTANCES_BANDWIDTH_READ_MAX_ATTEMPTS");
    }

    @Test
    void theGatewaysOwnSettingsPass() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("gateway.resilience.breaker-window", "20")));

        assertThatCode(() -> ResilienceSettingsGuard.check(environment)).doesNotThrowAnyException();
    }
}
