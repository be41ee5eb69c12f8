package com.acme.numbers.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading XML documents in fidelity tests: the root, and element paths in document order. */
public final class XmlDocuments {

    private XmlDocuments() {
    }

    /** The document's root element; no DOCTYPE allowed. */
    public static Element root(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        }
        catch (Exception ex) {
            throw new IllegalStateException("not XML: " + xml, ex);
        }
    }

    /** Every element's path from the root ({@code Order/Name}), in document order, repeated elements repeated. */
    public static List<String> elementPaths(String xml) {
        Element root = root(xml);
        List<String> paths = new ArrayList<>();
        collect(root, root.getTagName(), paths);
        return paths;
    }

    /** The names of the root's child elements, in order. */
    public static List<String> childNames(String xml) {
        List<String> names = new ArrayList<>();
        for (Node n = root(xml).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    private static void collect(Element element, String path, List<String> paths) {
        paths.add(path);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                collect(e, path + "/" + e.getTagName(), paths);
            }
        }
    }
}
