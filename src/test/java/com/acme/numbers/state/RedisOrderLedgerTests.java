package com.acme.numbers.state;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.acme.numbers.events.EventOutbox;
import com.acme.numbers.events.OrderLedger;
import com.acme.numbers.events.OrderLedgerContract;
import com.acme.numbers.support.RedisServer;

/** The ledger contract against a real redis-server: scripts, sorted sets, and the outbox stream's consumer group. */
class RedisOrderLedgerTests extends OrderLedgerContract {

    private static final RedisServer REDIS = RedisServer.started();
    private static final ReactiveStringRedisTemplate redis = REDIS.template();
    private static final RedisOrderLedger LEDGER = new RedisOrderLedger(redis, "test:", Duration.ofDays(1),
            Duration.ofSeconds(2));
    private static final RedisEventOutbox OUTBOX = new RedisEventOutbox(redis, "test:", Duration.ofSeconds(2));

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    @Override
    protected OrderLedger ledger() {
        return LEDGER;
    }

    @Override
    protected EventOutbox outbox() {
        return OUTBOX;
    }
}
