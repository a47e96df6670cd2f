package org.cogcube.vrt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cogcube.MalformedFileException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML layer of a VRT: a parser that refuses DOCTYPEs (hence external entities and entity
 * expansion) and never fetches anything, and small helpers over elements. Element and attribute
 * names are matched ignoring case, as GDAL matches them.
 */
final class VrtXml {
    private VrtXml() {
    }

    /** The document element of a VRT's bytes; a {@link MalformedFileException} naming the VRT when they are not XML. */
    static Element parse(byte[] bytes, String where) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            Document doc = builder.parse(new ByteArrayInputStream(bytes), where);
            return doc.getDocumentElement();
        } catch (SAXParseException e) {
            throw new MalformedFileException(where + ": not a well-formed VRT document (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage() + ")", e);
        } catch (SAXException | IOException e) {
            throw new MalformedFileException(where + ": not a well-formed VRT document: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        return f;
    }

    /** Reports nothing on the console: warnings are dropped, errors thrown (and then named with the VRT). */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** The element's child elements, in document order. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element of that name, ignoring case. */
    static Optional<Element> child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (is(e, name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static boolean is(Element e, String name) {
        return e.getTagName().equalsIgnoreCase(name);
    }

    /** The attribute of that name, ignoring case; empty when absent. */
    static Optional<String> attribute(Element e, String name) {
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (a.getNodeName().equalsIgnoreCase(name)) {
                return Optional.of(a.getNodeValue());
            }
        }
        return Optional.empty();
    }

    /** The text of the first child of that name, stripped; empty when absent. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }

    /**
     * A number as GDAL writes it, {@code nan}, {@code inf} and {@code -inf} included.
     *
     * @param what what the number is, for the message (e.g. "NoDataValue of band 2")
     */
    static double number(String text, String what, String where) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "-nan", "+nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    if (lower.startsWith("0x") || lower.endsWith("d") || lower.endsWith("f")) {
                        throw new NumberFormatException(t);
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new MalformedFileException(where + ": " + what + " should be a number, found '" + t + "'");
                }
            }
        }
    }

    /** A whole number, for sizes and band numbers. */
    static int integer(String text, String what, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(where + ": " + what + " should be a whole number, found '" + text.strip()
                    + "'");
        }
    }
}
