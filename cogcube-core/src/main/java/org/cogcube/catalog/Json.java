package org.cogcube.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.cogcube.MalformedCatalogException;

/**
 * JSON for catalogues: strict parsing (a key twice in one object is an error, not "the last one
 * wins"; nothing may follow the document) with errors that name the line and column, and a
 * deterministic writer: objects one member a line, two-space indent, arrays without objects on
 * one line, numbers in their shortest round-tripping form (integral values without ".0").
 */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * Sets the parser up (the mapper's first use initialises Jackson's dates, calendars and locale
     * data: about 0.1 s of a fresh JVM) by parsing a small document.
     */
    static void prepare() {
        parse("{\"prepare\": [1, 2.5, \"x\", true, null, {}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "(prepare)");
    }

    /** Parses a whole document; malformed JSON fails naming the catalogue, line and column. */
    static JsonNode parse(byte[] bytes, String location) {
        if (bytes.length == 0) {
            throw new MalformedCatalogException(location, "malformed JSON: the file is empty (expected a JSON object)");
        }
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new MalformedCatalogException(location, "malformed JSON: no content (expected a JSON object)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedCatalogException(location, "malformed JSON" + where + ": " + explain(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new MalformedCatalogException(location, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /** The parser's message, first line only, without its note on hidden sources, duplicate keys said plainly. */
    private static String explain(String message) {
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).replaceAll("\\[Source: [^;]*; ", "[");
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(line);
        if (duplicate.matches()) {
            return "\"" + duplicate.group(1) + "\" appears twice in one object (expected each date, layer and field"
                    + " once)";
        }
        return line;
    }

    /** What kind of JSON value a node is, for messages: "a string", "an array", "null"... */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + node.asText() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The document as text, in the deterministic layout; ends with a newline. */
    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                indent(indent + 1, out);
                string(f.getKey(), out);
                out.append(": ");
                write(f.getValue(), indent + 1, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            indent(indent, out);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
            } else if (!holdsObject(node)) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(node.get(i), indent, out);
                }
                out.append(']');
            } else {
                out.append("[\n");
                for (int i = 0; i < node.size(); i++) {
                    indent(indent + 1, out);
                    write(node.get(i), indent + 1, out);
                    out.append(i + 1 < node.size() ? ",\n" : "\n");
                }
                indent(indent, out);
                out.append(']');
            }
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("cannot write a JSON " + node.getNodeType());
        }
    }

    /**
     * A finite double in its shortest round-tripping form (the same on every JVM), integral values
     * (below 2^53) without a fraction, and without an exponent from 1e-7 to 1e21.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53 && !(value == 0 && 1 / value < 0)) {
            return Long.toString((long) value);
        }
        String shortest = NumberOutput.toString(value, true);
        int e = shortest.indexOf('E');
        if (e >= 0) {
            int exponent = Integer.parseInt(shortest.substring(e + 1));
            if (exponent >= -7 && exponent < 21) { // 1.0E-4 reads better as 0.0001; same digits
                return new java.math.BigDecimal(shortest).stripTrailingZeros().toPlainString();
            }
        }
        return shortest;
    }

    private static boolean holdsObject(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isObject() || (e.isArray() && holdsObject(e))) {
                return true;
            }
        }
        return false;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, out);
        out.append('"');
    }

    private static void indent(int level, StringBuilder out) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
