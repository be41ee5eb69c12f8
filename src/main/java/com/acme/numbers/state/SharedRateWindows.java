package com.acme.numbers.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Per-second request budgets shared by every replica, without a Redis round trip per request: a replica takes its
 * budget from one Redis counter per name and second in chunks (a tenth of the limit, at least one) and spends them
 * locally. The counter never grants more than the limit in a second, so the replicas together never admit more
 * than one window allows; a chunk a replica does not spend before its second ends is lost, so under load spread
 * thinly over many replicas they may admit a little less. A Redis failure is the caller's to handle.
 */
public final class SharedRateWindows {

    /** Adds a chunk to the second's counter; the first adder sets it to expire after the second. */
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local total = redis.call('INCRBY', KEYS[1], ARGV[1])
            if total == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], 2000) end
            return total
            """, Long.class);

    /** What is left to spend locally in one second, packed: high 32 bits the second, low 32 bits the tokens. */
    private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();
    /** Chunks being fetched, by name and second. */
    private final Map<String, Mono<Void>> refills = new ConcurrentHashMap<>();
    /** The second in which a name's shared budget ran out, so no more chunks are asked for in it. */
    private final Map<String, Long> exhausted = new ConcurrentHashMap<>();
    /** A request waits for at most this many chunks (each shared with the others waiting) before it is refused. */
    private static final int MAX_REFILLS = 3;

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration timeout;
    private final Clock clock;

    public SharedRateWindows(ReactiveStringRedisTemplate redis, String prefix, Duration timeout, Clock clock) {
        this.redis = redis;
        this.prefix = prefix + "rate:";
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Whether one more request fitted, and how many more this replica knows would still fit this second. */
    public record Take(boolean allowed, long remaining) {
    }

    /** @return whether one more request under {@code name} fits this second's {@code limit} across replicas */
    public Mono<Take> tryTake(String name, int limit) {
        return tryTake(name, limit, MAX_REFILLS);
    }

    private Mono<Take> tryTake(String name, int limit, int refills) {
        long second = clock.millis() / 1000;
        AtomicLong tokens = local.computeIfAbsent(name, n -> new AtomicLong());
        long left = spendLocal(tokens, second);
        if (left >= 0) {
            return Mono.just(new Take(true, left));
        }
        Long spent = exhausted.get(name);
        if (refills == 0 || spent != null && spent == second) {
            return Mono.just(new Take(false, 0));
        }
        return refill(name, limit, second, tokens).then(Mono.defer(() -> tryTake(name, limit, refills - 1)));
    }

    /*
     * One chunk at a time per name and second: requests that find no local token meanwhile wait for that chunk
     * instead of each taking their own, which would spend the shared budget on chunks nobody uses.
     */
    private Mono<Void> refill(String name, int limit, long second, AtomicLong tokens) {
        String key = name + ':' + second;
        return refills.computeIfAbsent(key, k -> {
            int chunk = Math.max(1, limit / 10);
            return redis.execute(TAKE, List.of(prefix + key), List.of(Integer.toString(chunk)))
                    .next().timeout(timeout)
                    .doOnNext(total -> {
                        long granted = Math.max(0, Math.min(chunk, limit - (total - chunk)));
                        if (granted == 0) {
                            exhausted.put(name, second);
                        }
                        else {
                            tokens.accumulateAndGet(granted, (packed, add) -> (packed >>> 32) == second
                                    ? packed + add : (second << 32) | add);
                        }
                    })
                    .then()
                    // before the waiters hear of it: those that then find no token must start the next chunk
                    .doOnTerminate(() -> refills.remove(k))
                    .cache();
        });
    }

    /** @return the tokens left after spending one of this second's, or -1 when there was none */
    private static long spendLocal(AtomicLong tokens, long second) {
        long packed = tokens.get();
        while ((packed >>> 32) == second && (packed & 0xFFFFFFFFL) > 0) {
            if (tokens.compareAndSet(packed, packed - 1)) {
                return (packed & 0xFFFFFFFFL) - 1;
            }
            packed = tokens.get();
        }
        return -1;
    }
}
