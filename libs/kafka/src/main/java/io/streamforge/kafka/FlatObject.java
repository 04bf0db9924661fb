package io.streamforge.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamforge.domain.Decimals;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object of a data-topic message, read with Jackson's streaming parser instead of a tree:
 * scalar fields by name, and arrays of such objects (coverage messages). JSON {@code null} counts
 * as absent. The typed getters throw {@link InvalidRecordException} naming the field, so a bad
 * message goes to the DLQ with a reason.
 */
final class FlatObject {
    /** Marks a value of a type no getter accepts (a float, a nested object, a huge integer). */
    private enum Other {
        VALUE
    }

    private final Map<String, Object> values = new HashMap<>(32);

    private FlatObject() {}

    /** Reads the object whose START_OBJECT is the parser's current token. */
    static FlatObject read(JsonParser p) throws IOException {
        FlatObject o = new FlatObject();
        String name;
        while ((name = p.nextFieldName()) != null) {
            Object v = value(p, p.nextToken());
            if (v == null) {
                o.values.remove(name);
            } else {
                o.values.put(name, v);
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new InvalidRecordException("malformed JSON: object not closed");
        }
        return o;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new InvalidRecordException("malformed JSON: unexpected end of input");
        }
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? Other.VALUE
                        : (Object) p.getLongValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                return array(p);
            default:
                p.skipChildren();
                return Other.VALUE;
        }
    }

    /** An array of objects becomes a list; any other array is a value no getter accepts. */
    private static Object array(JsonParser p) throws IOException {
        List<FlatObject> out = new ArrayList<>();
        boolean objects = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new InvalidRecordException("malformed JSON: array not closed");
            }
            if (t == JsonToken.START_OBJECT && objects) {
                out.add(read(p));
            } else {
                objects = false;
                p.skipChildren();
            }
        }
        return objects ? out : Other.VALUE;
    }

    private Object field(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new InvalidRecordException(name + ": missing");
        }
        return v;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw text of a field that may be absent ({@code ""} then). */
    String textOr(String name, String absent) {
        Object v = values.get(name);
        return v == null ? absent : v.toString();
    }

    String text(String name) {
        if (!(field(name) instanceof String s)) {
            throw new InvalidRecordException(name + ": expected a string");
        }
        return s;
    }

    long num(String name) {
        if (!(field(name) instanceof Long l)) {
            throw new InvalidRecordException(name + ": expected an integer");
        }
        return l;
    }

    boolean bool(String name) {
        if (!(field(name) instanceof Boolean b)) {
            throw new InvalidRecordException(name + ": expected true/false");
        }
        return b;
    }

    BigDecimal decimal(String name) {
        if (!(field(name) instanceof String s)) {
            throw new InvalidRecordException(name + ": decimals travel as strings");
        }
        return Decimals.parse(name, s);
    }

    @SuppressWarnings("unchecked")
    List<FlatObject> array(String name) {
        if (!(field(name) instanceof List<?> l)) {
            throw new InvalidRecordException(name + ": expected an array");
        }
        return (List<FlatObject>) l;
    }
}
