package com.acme.numbers.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** XML helpers for sandbox tests: XPath look-ups and the set of element paths a document uses. */
final class XmlPaths {

    private XmlPaths() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("not XML: " + xml, ex);
        }
    }

    static String text(String xml, String expression) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(expression, parse(xml)).trim();
        }
        catch (Exception ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    static List<String> texts(String xml, String expression) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, parse(xml),
                    XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent().trim());
            }
            return values;
        }
        catch (Exception ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** Every element path in the document, such as {@code OrderResponse/Order/id}. */
    static Set<String> elementPaths(String xml) {
        Set<String> paths = new TreeSet<>();
        collect(parse(xml).getDocumentElement(), "", paths);
        return paths;
    }

    private static void collect(Element element, String parent, Set<String> paths) {
        String path = parent.isEmpty() ? element.getTagName() : parent + "/" + element.getTagName();
        paths.add(path);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, path, paths);
            }
        }
    }
}
