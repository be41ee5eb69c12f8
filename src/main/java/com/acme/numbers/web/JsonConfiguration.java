package com.acme.numbers.web;

import java.util.List;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's JSON mapper, built on a factory whose buffer recyclers are kept per thread.
 * <p>
 * Spring's JSON encoder takes a recycler from the factory's pool for every response and never gives it back, so
 * with Jackson's default (shared deque) pool each response allocated fresh generator buffers: 13 % of the bytes a
 * small search allocated (bench/results). A thread's recycler is simply reused; the event loops are few and fixed.
 * Boot's customizers (the {@code spring.jackson.*} properties among them) are applied exactly as Boot applies them.
 * <p>
 * A field given twice in one JSON object is refused (Boot 4 has no property for it): Jackson would otherwise keep
 * the last value, and a caller or a proxy that reads the first would see another request than the gateway does.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
