package com.acme.numbers.state;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.acme.numbers.events.EventsProperties;
import com.acme.numbers.events.webhooks.WebhooksProperties;

/**
 * The shared state's beans, only when {@code gateway.state.store=redis}. Boot's Redis connection is always
 * configured but connects on first use, so the memory store never opens one; Boot's Redis health is off
 * (application.yml) and this one is on only here. It shows in {@code /actuator/health}, not in readiness: reads keep
 * working without Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.state.store", havingValue = "redis")
class StateConfiguration {

    @Bean
    DataRedisReactiveHealthIndicator redisHealthIndicator(ReactiveRedisConnectionFactory connections) {
        return new DataRedisReactiveHealthIndicator(connections);
    }

    /** Batches outlive their reservations (Bandwidth holds a number for 4 hours). */
    @Bean
    RedisReservationBatchStore reservationBatchStore(ReactiveStringRedisTemplate redis, StateProperties state) {
        return new RedisReservationBatchStore(redis, state.keyPrefix(), Duration.ofHours(24), state.timeout());
    }

    /** Ledger entries outlive the longest an order is followed (gateway.events.follow-for) by a margin. */
    @Bean
    RedisOrderLedger orderLedger(ReactiveStringRedisTemplate redis, StateProperties state, EventsProperties events) {
        return new RedisOrderLedger(redis, state.keyPrefix(), events.followFor().plusDays(7), state.timeout());
    }

    @Bean
    RedisEventOutbox eventOutbox(ReactiveStringRedisTemplate redis, StateProperties state) {
        return new RedisEventOutbox(redis, state.keyPrefix(), state.timeout());
    }

    /** Deliveries are kept a week: beyond the day of retries, for GET …/deliveries and a manual retry. */
    @Bean
    RedisWebhookStore webhookStore(ReactiveStringRedisTemplate redis, StateProperties state,
            WebhooksProperties webhooks) {
        return new RedisWebhookStore(redis, state.keyPrefix(), Duration.ofDays(7), webhooks.deliveriesKept(),
                state.timeout());
    }

    @Bean
    SharedRateWindows sharedRateWindows(ReactiveStringRedisTemplate redis, StateProperties state, Clock clock) {
        return new SharedRateWindows(redis, state.keyPrefix(), state.timeout(), clock);
    }
}
