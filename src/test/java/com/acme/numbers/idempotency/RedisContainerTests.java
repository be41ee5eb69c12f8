package com.acme.numbers.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.acme.numbers.idempotency.IdempotencyStore.Claim;
import com.acme.numbers.idempotency.IdempotencyStore.StoredResponse;

/**
 * The Redis idempotency store against the Redis image a cluster would run. Skipped where no Docker engine runs (as
 * on the project's machines and CI); {@link RedisIdempotencyStoreTests} covers the same against Debian's
 * redis-server.
 */
@Testcontainers(disabledWithoutDocker = true)
class RedisContainerTests {

    @Container
    static final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);

    @Test
    void claimsReplaysAndRefusesAnotherBody() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.getHost(), redis.getMappedPort(6379)));
        connections.afterPropertiesSet();
        RedisIdempotencyStore store = new RedisIdempotencyStore(new ReactiveStringRedisTemplate(connections), "c:",
                Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofSeconds(2));

        assertThat(store.claim("k", "fp").block()).isInstanceOf(Claim.Claimed.class);
        assertThat(store.claim("k", "fp").block()).isInstanceOf(Claim.InFlight.class);
        store.complete("k", new StoredResponse(201, "application/json", null, "{}".getBytes())).block();
        assertThat(store.claim("k", "fp").block()).isInstanceOf(Claim.Completed.class);
        assertThat(store.claim("k", "other").block()).isInstanceOf(Claim.Mismatch.class);
        connections.destroy();
    }
}
