package com.acme.numbers.bandwidth;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

import com.acme.numbers.ordering.UpstreamFailureException;

/**
 * Reads and writes Bandwidth XML. One mapper, built once; it keeps Jackson's default StAX factory, which rejects
 * DOCTYPE declarations and external entities (never pass it a hand-made {@code XMLInputFactory}).
 */
final class BandwidthXml {

    private static final XmlMapper MAPPER = XmlMapper.builder()
            .defaultUseWrapper(false)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .build();

    private BandwidthXml() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Parses an upstream body; anything that is not the XML we expect is an upstream failure (502). */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new UpstreamFailureException("Bandwidth answered with an empty body");
        }
        try {
            return MAPPER.readValue(body, type);
        }
        catch (JacksonException ex) {
            throw new UpstreamFailureException("Bandwidth answered with a body that is not valid XML");
        }
    }

    /** Like {@link #read} but an empty body gives null. */
    static <T> T readOptional(String body, Class<T> type) {
        return body == null || body.isBlank() ? null : read(body, type);
    }
}
