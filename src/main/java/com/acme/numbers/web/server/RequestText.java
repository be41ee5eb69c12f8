package com.acme.numbers.web.server;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every text field of a request body, the same way: a JSON string (never a number or a boolean converted), at most
 * {@value #MAX_LENGTH} characters, and no character that cannot travel in Bandwidth's XML or that no caller means
 * to send: control characters (tab and line breaks included), noncharacters such as U+FFFE, and lone surrogates.
 * Such text used to reach Bandwidth and come back as "not well-formed XML", or fail with a 500. Fields with tighter
 * rules (names, ids, numbers) check those in the domain.
 */
public final class RequestText extends StdScalarDeserializer<String> {

    static final int MAX_LENGTH = 256;

    RequestText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw MismatchedInputException.from(parser, String.class, "a text field holds a JSON string only");
        }
        String text = parser.getString();
        String problem = problem(text);
        if (problem != null) {
            throw new UnacceptableTextException(parser, problem);
        }
        return text;
    }

    /** What is wrong with the text, or {@code null} when nothing is. */
    static String problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isNoncharacter(text.codePointAt(i))) {
                    return "must not contain noncharacters";
                }
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate";
            }
            else if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            else if (isNoncharacter(c)) {
                return "must not contain noncharacters";
            }
        }
        return null;
    }

    /* U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Text that is a string but not one the gateway accepts; answered as a validation failure naming the field. */
    public static final class UnacceptableTextException extends MismatchedInputException {

        private final String reason;

        UnacceptableTextException(JsonParser parser, String reason) {
            super(parser, "Text " + reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
