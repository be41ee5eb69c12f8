package com.acme.numbers.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.webhooks.Delivery;
import com.acme.numbers.events.webhooks.Webhook;
import com.acme.numbers.events.webhooks.WebhookStore;

/**
 * Subscriptions and deliveries in Redis, so every replica sends, lists and retries the same ones: a hash of
 * subscriptions per account; a string per delivery (kept for {@code retention}), a sorted set of each
 * subscription's recent deliveries, and one of due attempts that replicas claim from. Their text form:
 * {@link WebhookRecords}.
 */
public final class RedisWebhookStore implements WebhookStore {

    private static final RedisScript<Long> ADD = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) == false then return 0 end
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[5]) + 1))
            redis.call('ZADD', KEYS[3], ARGV[6], ARGV[4])
            return 1
            """, Long.class);

    private static final RedisScript<Long> UPDATE = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'XX', 'KEEPTTL') == false then return 0 end
            if ARGV[2] == '' then redis.call('ZREM', KEYS[2], ARGV[3]) else redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) end
            return 1
            """, Long.class);

    private static final RedisScript<Long> DELETE = RedisScript.of("""
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
            for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do redis.call('ZREM', KEYS[3], id) end
            redis.call('DEL', KEYS[2])
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final RedisDueQueue due;
    private final Duration retention;
    private final int kept;
    private final Duration timeout;

    public RedisWebhookStore(ReactiveStringRedisTemplate redis, String prefix, Duration retention, int kept,
            Duration timeout) {
        this.redis = redis;
        this.prefix = prefix + "webhooks:";
        this.due = new RedisDueQueue(redis, this.prefix + "due");
        this.retention = retention;
        this.kept = kept;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> save(Webhook webhook) {
        return redis.<String, String>opsForHash().put(accountKey(webhook.accountId()), webhook.id(), WebhookRecords.encode(webhook))
                .then().timeout(timeout);
    }

    @Override
    public Mono<Webhook> find(String accountId, String webhookId) {
        return redis.<String, String>opsForHash().get(accountKey(accountId), webhookId)
                .map(text -> WebhookRecords.decode(accountId, webhookId, text)).timeout(timeout);
    }

    @Override
    public Flux<Webhook> list(String accountId) {
        return redis.<String, String>opsForHash().entries(accountKey(accountId))
                .map(e -> WebhookRecords.decode(accountId, e.getKey(), e.getValue())).timeout(timeout);
    }

    @Override
    public Mono<Boolean> delete(String accountId, String webhookId) {
        return redis.execute(DELETE, List.of(accountKey(accountId), listKey(webhookId), due.key()),
                List.of(webhookId)).next().map(deleted -> deleted == 1).timeout(timeout);
    }

    @Override
    public Mono<Boolean> add(Delivery delivery) {
        return redis.execute(ADD, List.of(deliveryKey(delivery.id()), listKey(delivery.webhookId()), due.key()),
                List.of(WebhookRecords.encode(delivery), Long.toString(retention.toMillis()),
                        Long.toString(delivery.event().timestamp().toEpochMilli()), delivery.id(),
                        Integer.toString(kept), Long.toString(delivery.nextAttemptAt().toEpochMilli())))
                .next().map(added -> added == 1).timeout(timeout);
    }

    @Override
    public Mono<Void> update(Delivery delivery) {
        String next = delivery.status() == Delivery.Status.PENDING
                ? Long.toString(delivery.nextAttemptAt().toEpochMilli()) : "";
        return redis.execute(UPDATE, List.of(deliveryKey(delivery.id()), due.key()),
                List.of(WebhookRecords.encode(delivery), next, delivery.id())).then().timeout(timeout);
    }

    @Override
    public Mono<Delivery> delivery(String webhookId, String deliveryId) {
        return redis.opsForValue().get(deliveryKey(deliveryId)).map(WebhookRecords::decodeDelivery)
                .filter(d -> d.webhookId().equals(webhookId)).timeout(timeout);
    }

    @Override
    public Flux<Delivery> deliveries(String webhookId, int limit) {
        return redis.opsForZSet().reverseRange(listKey(webhookId), Range.closed(0L, (long) limit - 1))
                .concatMap(id -> redis.opsForValue().get(deliveryKey(id)))
                .map(WebhookRecords::decodeDelivery).timeout(timeout);
    }

    @Override
    public Flux<Delivery> claimDue(Instant now, int max, Duration lease) {
        return due.claim(now, max, lease)
                .concatMap(id -> redis.opsForValue().get(deliveryKey(id))
                        .switchIfEmpty(redis.opsForZSet().remove(due.key(), id).then(Mono.empty())))
                .map(WebhookRecords::decodeDelivery).timeout(timeout);
    }

    private String accountKey(String accountId) {
        return prefix + "account:" + accountId;
    }

    private String listKey(String webhookId) {
        return prefix + "deliveries:" + webhookId;
    }

    private String deliveryKey(String deliveryId) {
        return prefix + "delivery:" + deliveryId;
    }
}
