package com.acme.numbers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every test of the running gateway shares: a client for its port, and closed breakers at the start. */
public abstract class RunningGatewayTest {

    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    /** Each test starts with closed breakers; a test that opens one must not fail the next. */
    @BeforeEach
    void freshClientAndClosedBreakers() {
        client = TestClients.forPort(port);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }
}
