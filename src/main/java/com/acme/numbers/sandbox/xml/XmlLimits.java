package com.acme.numbers.sandbox.xml;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shape a request body may have before the sandbox builds a tree of it, checked in one streaming pass with no
 * recursion: a document nested thousands deep once overflowed the stack on an event-loop thread. Bandwidth's
 * requests are a few levels deep, list at most 5,000 numbers, and hold short texts. A document beyond these limits
 * is answered the way Bandwidth answers an invalid body (400, code 5002).
 */
final class XmlLimits {

    static final int MAX_DEPTH = 32;
    static final int MAX_ELEMENTS = 12_000;
    static final int MAX_TEXT = 4_096;

    private static final XMLInputFactory FACTORY = factory();

    private XmlLimits() {
    }

    static void check(String body) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(body));
            walk(reader);
        }
        catch (XMLStreamException | RuntimeException ex) {
            if (ex instanceof SandboxError error) {
                throw error;
            }
            throw new SandboxError(400, "5002", "The request body is not well-formed XML");
        }
        finally {
            close(reader);
        }
    }

    private static void walk(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        int elements = 0;
        int text = 0;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    elements++;
                    text = 0;
                    if (depth > MAX_DEPTH) {
                        throw tooLarge("nests elements deeper than " + MAX_DEPTH + " levels");
                    }
                    if (elements > MAX_ELEMENTS) {
                        throw tooLarge("has more than " + MAX_ELEMENTS + " elements");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    text = 0;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    text += reader.getTextLength();
                    if (text > MAX_TEXT) {
                        throw tooLarge("holds a text longer than " + MAX_TEXT + " characters");
                    }
                }
                case XMLStreamConstants.DTD -> throw new SandboxError(400, "5002", "DOCTYPE is not allowed");
                default -> {
                    // comments, processing instructions and whitespace carry nothing the sandbox reads
                }
            }
        }
    }

    private static SandboxError tooLarge(String what) {
        return new SandboxError(400, "5002", "The request body " + what);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            }
            catch (XMLStreamException ignored) {
                // a string source holds nothing open
            }
        }
    }
}
