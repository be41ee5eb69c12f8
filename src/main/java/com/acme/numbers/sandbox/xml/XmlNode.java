package com.acme.numbers.sandbox.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's own XML writer: a small element tree rendered the way Bandwidth renders it (declaration with
 * {@code standalone="yes"}, no namespaces). Deliberately shares nothing with the gateway's Bandwidth adapter.
 */
public final class XmlNode {

    private final String name;
    private final String text;
    private final List<XmlNode> children = new ArrayList<>();

    private final XmlNode parent;

    private XmlNode(String name, String text) {
        this(name, text, null);
    }

    private XmlNode(String name, String text, XmlNode parent) {
        this.name = name;
        this.text = text;
        this.parent = parent;
    }

    public static XmlNode root(String name) {
        return new XmlNode(name, null);
    }

    /** Adds a child with text, unless the value is null; returns this node. */
    public XmlNode add(String childName, Object value) {
        if (value != null) {
            children.add(new XmlNode(childName, value.toString()));
        }
        return this;
    }

    /** Adds and returns an element child. */
    public XmlNode child(String childName) {
        XmlNode child = new XmlNode(childName, null, this);
        children.add(child);
        return child;
    }

    /** Copies a request element (for the echo Bandwidth puts in its answers), children and text alike. */
    public XmlNode copy(XmlInput input, String asName) {
        XmlNode node = copyOf(input, asName);
        children.add(node);
        return node;
    }

    private static XmlNode copyOf(XmlInput input, String name) {
        List<XmlInput> kids = input.children();
        XmlNode node = new XmlNode(name, kids.isEmpty() ? input.text() : null);
        kids.forEach(kid -> node.children.add(copyOf(kid, kid.name())));
        return node;
    }

    /** Renders the whole document this node belongs to. */
    public String renderRoot() {
        return parent == null ? render() : parent.renderRoot();
    }

    public String render() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        write(out);
        return out.toString();
    }

    private void write(StringBuilder out) {
        out.append('<').append(name);
        if (text == null && children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) {
            escape(text, out);
        }
        children.forEach(child -> child.write(out));
        out.append("</").append(name).append('>');
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
