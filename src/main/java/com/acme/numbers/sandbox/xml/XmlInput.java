package com.acme.numbers.sandbox.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A parsed request body whose element names are matched case-insensitively, because the official SDKs send
 * {@code name}/{@code Name}, {@code Lata}/{@code LATA} and {@code NpanxxSearchAndOrderType}. DOCTYPEs are refused,
 * and so is any document beyond {@link XmlLimits}, before the tree is built.
 */
public final class XmlInput {

    private final Element element;

    private XmlInput(Element element) {
        this.element = element;
    }

    public static XmlInput parse(String body) {
        XmlLimits.check(body);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new XmlInput(builder.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement());
        }
        catch (Exception ex) {
            throw new SandboxError(400, "5002", "The request body is not well-formed XML");
        }
    }

    public String name() {
        return element.getTagName();
    }

    public boolean is(String name) {
        return element.getTagName().equalsIgnoreCase(name);
    }

    public XmlInput child(String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equalsIgnoreCase(name)) {
                return new XmlInput(e);
            }
        }
        return null;
    }

    public List<XmlInput> children() {
        List<XmlInput> all = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                all.add(new XmlInput(e));
            }
        }
        return all;
    }

    public List<String> texts(String name) {
        return children().stream().filter(c -> c.is(name)).map(XmlInput::text).toList();
    }

    /** Trimmed text of a child element, or null when absent or empty. */
    public String text(String name) {
        XmlInput child = child(name);
        return child == null ? null : child.text();
    }

    public String text() {
        String value = element.getTextContent();
        return value == null || value.isBlank() ? null : value.trim();
    }
}
