package com.acme.numbers.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.LedgerEntry;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;
import com.acme.numbers.events.OrderLedger;
import com.acme.numbers.ordering.model.OrderStatus;

import static com.acme.numbers.state.StoredText.nullIfEmpty;
import static com.acme.numbers.state.StoredText.orEmpty;

/**
 * The ledger in Redis, shared by every replica and kept across restarts: a hash per entry, a sorted set of polls by
 * due time, and one per account for listing. A status change and its event are written by one script (the event
 * onto the outbox's stream, {@link RedisEventOutbox}), so no replica can record a change without its event.
 */
public final class RedisOrderLedger implements OrderLedger {

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

    public RedisOrderLedger(ReactiveStringRedisTemplate redis, String prefix, Duration retention, Duration timeout) {
        this.redis = redis;
        this.prefix = prefix + "ledger:";
        this.due = new RedisDueQueue(redis, this.prefix + "due");
        this.stream = RedisEventOutbox.streamKey(prefix);
        this.retention = retention;
        this.timeout = timeout;
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

}
