package com.acme.numbers.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventOutbox;
import com.acme.numbers.events.EventType;
import com.acme.numbers.events.LedgerEntry;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.OrderLedger;
import com.acme.numbers.ordering.model.OrderStatus;

/**
 * The ledger in Redis, shared by every replica and kept across restarts: a hash per entry, a sorted set of polls by
 * due time, one per account for listing, and the outbox as a stream read by one consumer group (each event taken by
 * one replica; one taken by a replica that stopped is claimed by another after {@code redeliverAfter}). A status
 * change and its event are written by one script, so no replica can record a change without its event.
 */
public final class RedisOrderLedger implements OrderLedger, EventOutbox {

    private static final String GROUP = "webhooks";
    private static final int KEPT_PER_ACCOUNT = 10_000;

    private static final RedisScript<Long> ADD = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'caller', ARGV[1], 'cid', ARGV[2], 'ikey', ARGV[3], 'status', ARGV[4],
              'placed', ARGV[5], 'updated', ARGV[5], 'polls', '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            if ARGV[7] ~= '' then redis.call('ZADD', KEYS[2], ARGV[7], ARGV[8]) end
            redis.call('ZADD', KEYS[3], ARGV[5], ARGV[8])
            redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[9]) + 1))
            return 1
            """, Long.class);

    private static final RedisScript<Long> RECORD = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'status')
            if not current or current == ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updated', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            if ARGV[3] == '' then redis.call('ZREM', KEYS[2], ARGV[5]) else redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5]) end
            if ARGV[6] ~= '' then
              redis.call('XADD', KEYS[3], 'MAXLEN', '~', '100000', '*', 'id', ARGV[6], 'type', ARGV[7], 'key', ARGV[5],
                'ts', ARGV[8], 'data', ARGV[9])
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> SCHEDULE = RedisScript.of("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status or status == 'COMPLETE' or status == 'PARTIAL' or status == 'FAILED' then return 0 end
            redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
            if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[1], 'polls', 1) end
            return 1
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final RedisDueQueue due;
    private final String stream;
    private final Duration retention;
    private final Duration timeout;
    private final Map<String, RecordId> taken = new ConcurrentHashMap<>();
    private volatile Mono<String> group;

    public RedisOrderLedger(ReactiveStringRedisTemplate redis, String prefix, Duration retention, Duration timeout) {
        this.redis = redis;
        this.prefix = prefix + "ledger:";
        this.due = new RedisDueQueue(redis, this.prefix + "due");
        this.stream = prefix + "events";
        this.retention = retention;
        this.timeout = timeout;
        this.group = createGroup();
    }

    @Override
    public Mono<Boolean> add(LedgerEntry entry, Instant firstPoll) {
        String member = entry.key().encoded();
        return redis.execute(ADD, List.of(entryKey(entry.key()), due.key(), accountKey(entry.key().accountId())),
                List.of(orEmpty(entry.caller()), orEmpty(entry.customerOrderId()), orEmpty(entry.idempotencyKey()),
                        entry.status().name(), Long.toString(entry.placedAt().toEpochMilli()),
                        Long.toString(retention.toMillis()),
                        entry.unfinished() ? Long.toString(firstPoll.toEpochMilli()) : "", member,
                        Integer.toString(KEPT_PER_ACCOUNT)))
                .next().map(added -> added == 1).timeout(timeout);
    }

    @Override
    public Mono<LedgerEntry> find(LedgerKey key) {
        return redis.<String, String>opsForHash().entries(entryKey(key)).collectMap(Map.Entry::getKey,
                Map.Entry::getValue).filter(fields -> !fields.isEmpty()).map(fields -> decode(key, fields))
                .timeout(timeout);
    }

    @Override
    public Flux<LedgerEntry> list(String accountId, int limit) {
        return redis.opsForZSet().reverseRange(accountKey(accountId), Range.closed(0L, (long) limit - 1))
                .concatMap(member -> find(LedgerKey.decode(member)));
    }

    @Override
    public Mono<Boolean> record(LedgerKey key, OrderStatus status, Instant at, Instant nextPoll, OrderEvent event) {
        return redis.execute(RECORD, List.of(entryKey(key), due.key(), stream), List.of(status.name(),
                        Long.toString(at.toEpochMilli()), nextPoll == null ? "" : Long.toString(nextPoll.toEpochMilli()),
                        Long.toString(retention.toMillis()), key.encoded(), event == null ? "" : event.id(),
                        event == null ? "" : event.type().wireName(),
                        event == null ? "" : Long.toString(event.timestamp().toEpochMilli()),
                        event == null ? "" : event.data()))
                .next().map(changed -> changed == 1).timeout(timeout);
    }

    @Override
    public Mono<Void> schedule(LedgerKey key, Instant nextPoll, boolean countPoll) {
        return redis.execute(SCHEDULE, List.of(entryKey(key), due.key()), List.of(
                Long.toString(nextPoll.toEpochMilli()), key.encoded(), countPoll ? "1" : "0")).then().timeout(timeout);
    }

    @Override
    public Mono<Void> abandon(LedgerKey key) {
        return redis.opsForZSet().remove(due.key(), key.encoded()).then().timeout(timeout);
    }

    @Override
    public Flux<LedgerEntry> claimDue(Instant now, int max, Duration lease) {
        return due.claim(now, max, lease).map(LedgerKey::decode)
                .concatMap(key -> find(key).switchIfEmpty(abandon(key).then(Mono.empty())))
                .timeout(timeout);
    }

    @Override
    public Flux<OrderEvent> take(String consumer, int max, Duration redeliverAfter) {
        Consumer me = Consumer.from(GROUP, consumer);
        Flux<MapRecord<String, Object, Object>> stale = redis.opsForStream().pending(stream, GROUP,
                        Range.unbounded(), max)
                .flatMapMany(pending -> {
                    RecordId[] ids = pending.stream()
                            .filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(redeliverAfter) > 0)
                            .map(p -> p.getId()).toArray(RecordId[]::new);
                    return ids.length == 0 ? Flux.empty()
                            : redis.opsForStream().claim(stream, GROUP, consumer, redeliverAfter, ids);
                });
        Flux<MapRecord<String, Object, Object>> fresh = redis.opsForStream().read(me,
                StreamReadOptions.empty().count(max), StreamOffset.create(stream, ReadOffset.lastConsumed()));
        return group.thenMany(Flux.concat(stale, fresh))
                .map(this::event)
                .timeout(timeout);
    }

    @Override
    public Mono<Void> acknowledge(String eventId) {
        RecordId record = taken.remove(eventId);
        if (record == null) {
            return Mono.empty();
        }
        return redis.opsForStream().acknowledge(stream, GROUP, record)
                .then(redis.opsForStream().delete(stream, record)).then().timeout(timeout);
    }

    private OrderEvent event(MapRecord<String, Object, Object> record) {
        Map<Object, Object> fields = record.getValue();
        String id = (String) fields.get("id");
        taken.put(id, record.getId());
        return new OrderEvent(id, EventType.named((String) fields.get("type")).orElseThrow(),
                LedgerKey.decode((String) fields.get("key")),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get("ts"))), (String) fields.get("data"));
    }

    /** The group is made once (with the stream); "already exists" from another replica is just as good. */
    private Mono<String> createGroup() {
        return redis.opsForStream().createGroup(stream, ReadOffset.from("0"), GROUP)
                .onErrorResume(RedisSystemException.class, exists -> Mono.just("OK"))
                .onErrorResume(ex -> String.valueOf(ex.getMessage()).contains("BUSYGROUP") ? Mono.just("OK")
                        : Mono.error(ex))
                .cache(ok -> Duration.ofDays(3650), ex -> Duration.ZERO, () -> Duration.ZERO);
    }

    private String entryKey(LedgerKey key) {
        return prefix + "entry:" + key.encoded();
    }

    private String accountKey(String accountId) {
        return prefix + "account:" + accountId;
    }

    private static LedgerEntry decode(LedgerKey key, Map<String, String> f) {
        return new LedgerEntry(key, nullIfEmpty(f.get("caller")), nullIfEmpty(f.get("cid")),
                nullIfEmpty(f.get("ikey")), OrderStatus.valueOf(f.get("status")),
                Instant.ofEpochMilli(Long.parseLong(f.get("placed"))),
                Instant.ofEpochMilli(Long.parseLong(f.get("updated"))), Integer.parseInt(f.get("polls")));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

}
