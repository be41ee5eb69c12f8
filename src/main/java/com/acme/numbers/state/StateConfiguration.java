package com.acme.numbers.state;

import java.time.Clock;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Connects to Redis only when {@code gateway.state.store=redis}: application.yml excludes Boot's Redis
 * auto-configuration, so a single instance and the sandbox start no Lettuce threads and show no Redis health.
 * With Redis, its health shows in {@code /actuator/health} but not in readiness: reads keep working without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.state.store", havingValue = "redis")
@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
        DataRedisReactiveHealthContributorAutoConfiguration.class })
class StateConfiguration {

    @Bean
    SharedRateWindows sharedRateWindows(ReactiveStringRedisTemplate redis, StateProperties state, Clock clock) {
        return new SharedRateWindows(redis, state.keyPrefix(), state.timeout(), clock);
    }
}
