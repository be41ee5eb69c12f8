package com.acme.numbers.bandwidth;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.XmlWriteFeature;

import com.acme.numbers.ordering.error.UpstreamFailureException;

/**
 * Reads and writes Bandwidth XML. One mapper, built once; it keeps Jackson's default StAX factory, which rejects
 * DOCTYPE declarations and external entities (never pass it a hand-made {@code XMLInputFactory}), and limits
 * nesting depth and text sizes, so a hostile body fails fast instead of eating memory.
 */
final class BandwidthXml {

    /** Bandwidth's documents are a few levels deep and hold short texts; anything far beyond is hostile. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(64 * 1024)
            .maxNameLength(256)
            .build();

    private static final XmlFactory FACTORY = hardenedFactory();

    private static final XmlMapper MAPPER = XmlMapper.builder(FACTORY)
            .defaultUseWrapper(false)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(XmlWriteFeature.WRITE_XML_DECLARATION)
            .build();

    private BandwidthXml() {
    }

    /**
     * Jackson's own safe StAX factory (no DTDs, no external entities), with Woodstox's limits tightened on top:
     * depth, text length and attributes per element.
     */
    private static XmlFactory hardenedFactory() {
        XmlFactory factory = XmlFactory.builder().streamReadConstraints(LIMITS).build();
        XMLInputFactory stax = factory.getXMLInputFactory();
        stax.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 64);
        stax.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 64 * 1024);
        stax.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 32);
        return factory;
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

    /**
     * The name of the document's root element, read with the same hardened parser; {@code null} when the text is
     * not XML or declares a DOCTYPE, which Bandwidth never sends.
     */
    static String rootElement(String body) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.getXMLInputFactory().createXMLStreamReader(new StringReader(body));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
                if (event == XMLStreamConstants.DTD) {
                    return null;
                }
            }
            return null;
        }
        catch (XMLStreamException | RuntimeException notXml) {
            return null;
        }
        finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            }
            catch (XMLStreamException ignored) {
                // nothing is held open for a string source
            }
        }
    }

    /** Like {@link #read} but an empty body gives null. */
    static <T> T readOptional(String body, Class<T> type) {
        return body == null || body.isBlank() ? null : read(body, type);
    }
}
