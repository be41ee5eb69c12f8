package com.acme.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The mapper WebFlux writes responses with: Boot's, customized as usual, with per-thread buffer recyclers. */
class JsonEncodingIntegrationTests extends SandboxIntegrationTest {

    @Autowired
    ServerCodecConfigurer codecs;

    @Test
    void responsesAreWrittenWithBootsMapperOnPerThreadBufferRecyclers() {
        JsonMapper mapper = (JsonMapper) codecs.getWriters().stream()
                .map(writer -> writer instanceof EncoderHttpMessageWriter<?> encoding
                        ? encoding.getEncoder() : null)
                .filter(JacksonJsonEncoder.class::isInstance)
                .map(JacksonJsonEncoder.class::cast)
                .findFirst().orElseThrow().getMapper();

        assertThat(mapper.tokenStreamFactory()._getRecyclerPool())
                .isInstanceOf(JsonRecyclerPools.ThreadLocalPool.class);
        // spring.jackson.deserialization.fail-on-unknown-properties=true in application.yml: Boot's customizers ran
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    }
}
