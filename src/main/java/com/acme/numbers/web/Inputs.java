package com.acme.numbers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

import com.acme.numbers.ordering.FieldProblem;
import com.acme.numbers.ordering.InvalidRequestException;
import com.acme.numbers.ordering.PhoneNumber;

/** Parses the request values the domain needs typed, and refuses what it does not know. */
final class Inputs {

    private static final int ECHOED_NAME_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String PHONE_MESSAGE = "must be +1 followed by 10 digits, or 10 digits, with a valid "
            + "NANP area code and exchange";

    private Inputs() {
    }

    static PhoneNumber phoneNumber(String field, String value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "is required");
        }
        if (!PhoneNumber.isValid(value)) {
            throw InvalidRequestException.of(field, PHONE_MESSAGE);
        }
        return PhoneNumber.parse(value);
    }

    static List<PhoneNumber> phoneNumbers(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<PhoneNumber> numbers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && PhoneNumber.isValid(value)) {
                numbers.add(PhoneNumber.parse(value));
            }
            else {
                problems.add(new FieldProblem(field + "[" + i + "]", PHONE_MESSAGE));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return numbers;
    }

    /** Ids we put into upstream paths: letters, digits and dashes only. */
    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "must be 1 to 64 letters, digits or dashes");
        }
        return value;
    }

    /**
     * An unknown query parameter is an error: a misspelt filter must never be ignored silently. Its name is echoed,
     * cut to {@value #ECHOED_NAME_LENGTH} characters: enough to spot the typo, not a mirror for arbitrary input.
     * Each parameter takes one value, so a repeated one is an error too: which of its values counts would otherwise
     * be a rule of the framework (the first, or all joined with commas), not the caller's choice.
     */
    static void onlyKnownParameters(ServerWebExchange exchange, Set<String> known) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name.length() <= ECHOED_NAME_LENGTH ? name
                        : name.substring(0, ECHOED_NAME_LENGTH) + "…", "is not a known query parameter"));
            }
            else if (parameter.getValue().size() > 1) {
                problems.add(new FieldProblem(name, "is given more than once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
