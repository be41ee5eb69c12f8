package com.acme.numbers.web.server;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Boot's JSON mapper, built on a factory whose buffer recyclers are kept per thread.
 * <p>
 * Spring's JSON encoder takes a recycler from the factory's pool for every response and never gives it back, so
 * with Jackson's default (shared deque) pool each response allocated fresh generator buffers, one of the largest
 * allocations of every answer. A thread's recycler is simply reused; the event loops are few and fixed.
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

    /**
     * Request bodies are read by a stricter copy of that mapper, so what a caller sends is never guessed at: no
     * conversion between JSON types (2.5, "2" or true where an integer is due, "true" or 1 where a boolean is, a
     * number where text is) and every text checked by {@link RequestText}. The WebClients keep Boot's mapper: a
     * token or a Vault answer is not a caller's input.
     */
    @Bean
    WebFluxConfigurer strictRequestBodies(JsonMapper json,
            @Value("${spring.codec.max-in-memory-size:1MB}") DataSize maxBody) {
        JacksonJsonDecoder decoder = new JacksonJsonDecoder(strict(json.rebuild()).build());
        // a decoder given by hand keeps its own 256 KB default; the documented limit is the property's
        decoder.setMaxInMemorySize((int) maxBody.toBytes());
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
                codecs.defaultCodecs().jacksonJsonDecoder(decoder);
            }
        };
    }

    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // JSON has one number type: 1 is a fine value for a decimal field
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .addModule(new SimpleModule("strict-request-text").addDeserializer(String.class, new RequestText()));
    }
}
