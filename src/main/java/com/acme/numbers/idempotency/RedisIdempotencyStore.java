package com.acme.numbers.idempotency;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Idempotency keys in Redis, shared by every replica with the in-memory store's semantics. A claim is one atomic
 * script: the first request for a key takes it with a lease; a request with another body is a mismatch; one with
 * the same body waits while the lease runs and replays the stored answer once there is one. A replica that dies
 * leaves its lease to expire; the retry that takes the key over then finds the order by its CustomerOrderId before
 * ordering. Time is Redis's own, so replicas' clocks do not matter. Every call is bounded by the state timeout;
 * a failure fails the request closed (see {@code IdempotencyStore#claim}).
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private static final Duration IN_FLIGHT_RETRY_AFTER = Duration.ofSeconds(1);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CLAIM = RedisScript.of("""
            local now = redis.call('TIME')
            local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            local fp = redis.call('HGET', KEYS[1], 'fp')
            if fp and fp ~= ARGV[1] then return {'mismatch'} end
            if fp then
              if redis.call('HEXISTS', KEYS[1], 'status') == 1 then
                local v = redis.call('HMGET', KEYS[1], 'status', 'ct', 'loc', 'body')
                return {'completed', v[1], v[2], v[3], v[4]}
              end
              if tonumber(redis.call('HGET', KEYS[1], 'lease')) > nowMs then return {'inflight'} end
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'lease', tostring(nowMs + tonumber(ARGV[2])))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {'claimed'}
            """, List.class);

    private static final RedisScript<Long> COMPLETE = RedisScript.of("""
            if not redis.call('HGET', KEYS[1], 'fp') then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'ct', ARGV[2], 'loc', ARGV[3], 'body', ARGV[4])
            redis.call('HDEL', KEYS[1], 'lease')
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('HEXISTS', KEYS[1], 'status') == 0 then return redis.call('DEL', KEYS[1]) end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;
    private final Duration lease;
    private final Duration timeout;

    public RedisIdempotencyStore(ReactiveStringRedisTemplate redis, String prefix, Duration retention, Duration lease,
            Duration timeout) {
        this.redis = redis;
        this.prefix = prefix + "idempotency:";
        this.retention = retention;
        this.lease = lease;
        this.timeout = timeout;
    }

    @Override
    public Mono<Claim> claim(String key, String fingerprint) {
        return redis.execute(CLAIM, List.of(prefix + key),
                        List.of(fingerprint, Long.toString(lease.toMillis()), Long.toString(retention.toMillis())))
                .collectList().map(RedisIdempotencyStore::flattened).map(RedisIdempotencyStore::claimOf)
                .timeout(timeout);
    }

    @Override
    public Mono<Void> complete(String key, StoredResponse response) {
        return redis.execute(COMPLETE, List.of(prefix + key), List.of(Integer.toString(response.status()),
                        orEmpty(response.contentType()), orEmpty(response.location()),
                        Base64.getEncoder().encodeToString(response.body()), Long.toString(retention.toMillis())))
                .then().timeout(timeout);
    }

    @Override
    public Mono<Void> release(String key) {
        return redis.execute(RELEASE, List.of(prefix + key), List.of()).then().timeout(timeout);
    }

    /* A multi-bulk reply may arrive as one list or as its elements, depending on the driver's flattening. */
    private static List<?> flattened(List<?> reply) {
        return reply.size() == 1 && reply.get(0) instanceof List<?> inner ? inner : reply;
    }

    private static Claim claimOf(List<?> reply) {
        return switch (String.valueOf(reply.get(0))) {
            case "claimed" -> new Claim.Claimed();
            case "mismatch" -> new Claim.Mismatch();
            case "inflight" -> new Claim.InFlight(IN_FLIGHT_RETRY_AFTER);
            case "completed" -> new Claim.Completed(new StoredResponse(Integer.parseInt(text(reply, 1)),
                    emptyToNull(text(reply, 2)), emptyToNull(text(reply, 3)), Base64.getDecoder().decode(text(reply, 4))));
            default -> throw new IllegalStateException("Unexpected idempotency reply " + reply.get(0));
        };
    }

    private static String text(List<?> reply, int index) {
        Object value = index < reply.size() ? reply.get(index) : null;
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
