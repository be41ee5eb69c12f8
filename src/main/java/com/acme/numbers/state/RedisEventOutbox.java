package com.acme.numbers.state;

import java.time.Duration;
import java.time.Instant;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.numbers.events.EventOutbox;
import com.acme.numbers.events.EventType;
import com.acme.numbers.events.LedgerKey;
import com.acme.numbers.events.OrderEvent;

/**
 * The outbox in Redis: the stream {@link RedisOrderLedger} appends events to, read by one consumer group, so each
 * event is taken by one replica; one taken by a replica that stopped is claimed by another after
 * {@code redeliverAfter}. An acknowledged event leaves the stream.
 */
public final class RedisEventOutbox implements EventOutbox {

    private static final String GROUP = "webhooks";

    private final ReactiveStringRedisTemplate redis;
    private final String stream;
    private final Duration timeout;
    private final Map<String, RecordId> taken = new ConcurrentHashMap<>();
    private final Mono<String> group;

    public RedisEventOutbox(ReactiveStringRedisTemplate redis, String prefix, Duration timeout) {
        this.redis = redis;
        this.stream = streamKey(prefix);
        this.timeout = timeout;
        this.group = createGroup();
    }

    static String streamKey(String prefix) {
        return prefix + "events";
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
}
