package com.acme.numbers.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;

/**
 * A sorted set of work by due time, claimed atomically: a claim takes what is due and moves it to the end of a
 * lease in one step, so two replicas never take the same member at once, and work whose taker stopped is due again
 * when the lease ends.
 */
final class RedisDueQueue {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], member) end
            return due
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String key;

    RedisDueQueue(ReactiveStringRedisTemplate redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    String key() {
        return key;
    }

    @SuppressWarnings("unchecked")
    Flux<String> claim(Instant now, int max, Duration lease) {
        return redis.execute(CLAIM, List.of(key), List.of(Long.toString(now.toEpochMilli()), Integer.toString(max),
                Long.toString(now.plus(lease).toEpochMilli())))
                .flatMapIterable(members -> (List<String>) members);
    }
}
