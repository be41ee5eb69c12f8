package com.acme.numbers.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

import com.acme.numbers.support.MutableClock;
import com.acme.numbers.support.RedisServer;

/**
 * Per-second budgets on a real redis-server, with the clock held inside one second so counts do not depend on timing.
 */
class SharedRateWindowsTests {

    private static final RedisServer REDIS = RedisServer.started();
    private static final ReactiveStringRedisTemplate redis = REDIS.template();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00.100Z"));

    @AfterAll
    static void disconnect() {
        REDIS.close();
    }

    @BeforeEach
    void empty() {
        REDIS.flushAll();
    }

    private SharedRateWindows replica() {
        return new SharedRateWindows(redis, "test:", Duration.ofSeconds(2), clock);
    }

    /* 64 at a time, as a loaded replica sees them: concurrent misses share one chunk instead of each taking one. */
    @Test
    void concurrentRequestsGetTheWholeLimitAndNotOneMore() {
        SharedRateWindows windows = replica();

        long allowed = Flux.range(0, 2000).flatMap(i -> windows.tryTake("client:busy", 1000), 64)
                .filter(SharedRateWindows.Take::allowed).count().block();

        assertThat(allowed).isEqualTo(1000);
    }

    @Test
    void twoReplicasShareOneLimitAndASecondLaterItIsWholeAgain() {
        List<SharedRateWindows> replicas = List.of(replica(), replica());

        long allowed = Flux.range(0, 400).flatMap(i -> replicas.get(i % 2).tryTake("client:shared", 100), 16)
                .filter(SharedRateWindows.Take::allowed).count().block();
        assertThat(allowed).isEqualTo(100);

        clock.advance(Duration.ofSeconds(1));
        long next = Flux.range(0, 400).flatMap(i -> replicas.get(i % 2).tryTake("client:shared", 100), 16)
                .filter(SharedRateWindows.Take::allowed).count().block();
        assertThat(next).isEqualTo(100);
    }

    @Test
    void aSteadyLoadGoesToRedisOncePerChunk() {
        SharedRateWindows windows = replica();
        for (int i = 0; i < 250; i++) {
            assertThat(windows.tryTake("client:steady", 1000).block().allowed()).isTrue();
        }
        String counter = redis.opsForValue().get("test:rate:client:steady:" + clock.millis() / 1000).block();
        assertThat(counter).isEqualTo("300");
    }
}
