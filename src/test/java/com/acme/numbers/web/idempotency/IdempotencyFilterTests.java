package com.acme.numbers.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.web.problem.ProblemWriter;
import com.acme.numbers.idempotency.IdempotencyKeys;
import com.acme.numbers.idempotency.IdempotencyProperties;
import com.acme.numbers.idempotency.IdempotencyStore;
import com.acme.numbers.idempotency.InMemoryIdempotencyStore;

/** The filter's configuration-dependent paths: a required key, and failing closed when the store is down. */
class IdempotencyFilterTests {

    private final AtomicInteger handled = new AtomicInteger();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(handled::incrementAndGet);

    @Test
    void ordersWithoutAKeyAreRefusedWhenConfiguredSo() {
        IdempotencyFilter filter = filter(new InMemoryIdempotencyStore(Clock.systemUTC(), Duration.ofHours(24), 10),
                true);
        MockServerWebExchange exchange = post("/api/v1/accounts/a/orders", null);

        filter.filter(exchange, chain).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("Idempotency-Key");
        assertThat(handled).hasValue(0);

        MockServerWebExchange disconnect = post("/api/v1/accounts/a/disconnects", null);
        filter.filter(disconnect, chain).block();
        assertThat(handled).as("only orders need the key").hasValue(1);
    }

    @Test
    void storeFailureFailsClosedWith503AndDoesNothing() {
        IdempotencyStore broken = new IdempotencyStore() {
            @Override
            public Mono<Claim> claim(String key, String fingerprint) {
                return Mono.error(new IllegalStateException("store down"));
            }

            @Override
            public Mono<Void> complete(String key, StoredResponse response) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> release(String key) {
                return Mono.empty();
            }
        };
        MockServerWebExchange exchange = post("/api/v1/accounts/a/orders", "key-1");

        filter(broken, false).filter(exchange, chain).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("idempotency_unavailable");
        assertThat(handled).hasValue(0);
    }

    private static IdempotencyFilter filter(IdempotencyStore store, boolean required) {
        return new IdempotencyFilter(store, new IdempotencyProperties(Duration.ofHours(24), 10, required),
                new ProblemWriter(ServerCodecConfigurer.create()), DataSize.ofKilobytes(64), JsonMapper.builder().build());
    }

    private static MockServerWebExchange post(String path, String key) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post(path)
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header(IdempotencyKeys.HEADER, key);
        }
        return MockServerWebExchange.from(((MockServerHttpRequest.BodyBuilder) request).body("{}"));
    }
}
