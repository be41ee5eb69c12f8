package com.acme.numbers.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.Reservation;
import com.acme.numbers.ordering.model.ReservationBatch;
import com.acme.numbers.ordering.model.ReservationBatch.Entry;
import com.acme.numbers.support.RedisServer;

/** A batch written to a real redis-server reads back equal, per account, and expires with its retention. */
class RedisReservationBatchStoreTests {

    private static final RedisServer REDIS = RedisServer.started();

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    @Test
    void aBatchReadsBackAsItWasSavedAndOnlyForItsAccount() {
        RedisReservationBatchStore store = new RedisReservationBatchStore(REDIS.template(), "t:", Duration.ofHours(1),
                Duration.ofSeconds(2));
        Instant expiry = Instant.parse("2026-12-06T16:00:00Z");
        ReservationBatch batch = new ReservationBatch("b-1", "acct", ReservationBatch.Status.PARTIAL, false,
                Instant.parse("2026-12-06T12:00:00Z"), List.of(
                        Entry.reserved(PhoneNumber.parse("+19195550101"),
                                new Reservation("r-1", PhoneNumber.parse("+19195550101"), expiry, 14400)),
                        Entry.failed(PhoneNumber.parse("+19195550102"), "number_unavailable", "5041", false),
                        Entry.failed(PhoneNumber.parse("+19195550103"), "upstream_timeout", null, true)));

        store.save(batch).block();

        assertThat(store.find("acct", "b-1").block()).isEqualTo(batch);
        assertThat(store.find("other", "b-1").blockOptional()).isEmpty();
        assertThat(REDIS.template().getExpire("t:batch:acct:b-1").block()).isBetween(Duration.ofMinutes(59),
                Duration.ofHours(1));
    }
}
