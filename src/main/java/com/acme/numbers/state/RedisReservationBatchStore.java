package com.acme.numbers.state;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.ReservationBatchStore;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.ordering.model.ReservationBatch.Entry;

import static com.acme.numbers.state.StoredText.nullIfEmpty;
import static com.acme.numbers.state.StoredText.orEmpty;

/**
 * Reservation batches in Redis, so any replica can read or release one: one string per batch, written whole (a
 * line for the batch, a line per number, tab-separated fields), kept for {@code retention}.
 */
public final class RedisReservationBatchStore implements ReservationBatchStore {

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;
    private final Duration timeout;

    public RedisReservationBatchStore(ReactiveStringRedisTemplate redis, String prefix, Duration retention,
            Duration timeout) {
        this.redis = redis;
        this.prefix = prefix + "batch:";
        this.retention = retention;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> save(ReservationBatch batch) {
        return redis.opsForValue().set(key(batch.accountId(), batch.id()), encode(batch), retention)
                .timeout(timeout).then();
    }

    @Override
    public Mono<ReservationBatch> find(String accountId, String batchId) {
        return redis.opsForValue().get(key(accountId, batchId)).timeout(timeout)
                .map(text -> decode(accountId, batchId, text));
    }

    private String key(String accountId, String batchId) {
        return prefix + accountId + ':' + batchId;
    }

    static String encode(ReservationBatch batch) {
        StringBuilder text = new StringBuilder().append(batch.status()).append('\t').append(batch.atomic())
                .append('\t').append(batch.createdAt().toEpochMilli());
        for (Entry e : batch.entries()) {
            text.append('\n').append(e.phoneNumber().e164()).append('\t').append(e.state()).append('\t')
                    .append(orEmpty(e.reservationId())).append('\t')
                    .append(StoredText.millis(e.expiresAt())).append('\t')
                    .append(orEmpty(e.code())).append('\t').append(orEmpty(e.upstreamCode())).append('\t')
                    .append(e.retryable());
        }
        return text.toString();
    }

    static ReservationBatch decode(String accountId, String batchId, String text) {
        List<String[]> lines = StoredText.lines(text);
        String[] head = lines.get(0);
        List<Entry> entries = lines.subList(1, lines.size()).stream()
                .map(f -> new Entry(PhoneNumber.parse(f[0]), ReservationBatch.State.valueOf(f[1]), nullIfEmpty(f[2]),
                        StoredText.instant(f[3]), nullIfEmpty(f[4]), nullIfEmpty(f[5]), Boolean.parseBoolean(f[6])))
                .toList();
        return new ReservationBatch(batchId, accountId, ReservationBatch.Status.valueOf(head[0]),
                Boolean.parseBoolean(head[1]), StoredText.instant(head[2]), entries);
    }
}
