package com.acme.numbers.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.SearchCriteria;
import com.acme.numbers.ordering.model.SearchKey;
import com.acme.numbers.web.server.DeclaredQueryParameters;

/** Parses the request values the domain needs typed, and refuses what it does not know. */
public final class RequestValues {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String PHONE_MESSAGE = "must be +1 followed by 10 digits, or 10 digits, with a valid "
            + "NANP area code and exchange";

    private RequestValues() {
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

    public static List<PhoneNumber> phoneNumbers(String field, List<String> values) {
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
    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "must be 1 to 64 letters, digits or dashes");
        }
        return value;
    }

    /** Search keys given as a JSON object: each a {@link SearchKey} by its API name, text or (for a flag) boolean. */
    public static SearchCriteria searchCriteria(String field, Map<String, Object> keys) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<SearchKey, Object> values = new EnumMap<>(SearchKey.class);
        keys.forEach((name, value) -> {
            SearchKey key = Arrays.stream(SearchKey.values()).filter(k -> k.apiName().equals(name)).findFirst()
                    .orElse(null);
            if (key == null) {
                problems.add(new FieldProblem(field + "." + DeclaredQueryParameters.echoed(name), "is not a search key"));
            }
            else if (key.isFlag() ? !(value instanceof Boolean) : !(value instanceof String)) {
                problems.add(new FieldProblem(field + "." + name, key.isFlag() ? "must be true or false"
                        : "must be a string"));
            }
            else {
                values.put(key, value);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return SearchCriteria.of(values::get);
    }
}
