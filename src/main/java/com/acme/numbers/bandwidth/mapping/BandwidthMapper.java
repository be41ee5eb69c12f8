package com.acme.numbers.bandwidth.mapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.acme.numbers.bandwidth.xml.ErrorXml;
import com.acme.numbers.bandwidth.xml.SearchResultXml;
import com.acme.numbers.bandwidth.xml.TelephoneNumberListXml;
import com.acme.numbers.ordering.model.AvailableNumber;
import com.acme.numbers.ordering.model.OrderError;
import com.acme.numbers.ordering.model.OrderStatus;
import com.acme.numbers.ordering.model.PhoneNumber;
import com.acme.numbers.ordering.model.SearchResult;

/** Bandwidth XML to domain values; tolerant of the odd shapes real payloads have. */
public final class BandwidthMapper {

    private BandwidthMapper() {
    }

    public static SearchResult searchResult(SearchResultXml xml) {
        if (xml == null) {
            return new SearchResult(0, List.of());
        }
        List<AvailableNumber> numbers = new ArrayList<>();
        TelephoneNumberListXml.numbers(xml.telephoneNumberList()).stream()
                .map(BandwidthMapper::phoneNumber).filter(Objects::nonNull).map(AvailableNumber::of)
                .forEach(numbers::add);
        if (xml.telephoneNumberDetailList() != null && xml.telephoneNumberDetailList().details() != null) {
            xml.telephoneNumberDetailList().details().stream().map(BandwidthMapper::availableNumber)
                    .filter(Objects::nonNull).forEach(numbers::add);
        }
        return new SearchResult(numbers.size(), numbers);
    }

    private static AvailableNumber availableNumber(SearchResultXml.TelephoneNumberDetailXml d) {
        PhoneNumber number = phoneNumber(d.number());
        return number == null ? null : new AvailableNumber(number, trim(d.city()), trim(d.state()),
                trim(d.rateCenter()), trim(d.lata()), trim(d.tier()), trim(d.vendorId()), trim(d.vendorName()));
    }

    static List<OrderError> errors(ErrorXml.ListXml list) {
        return ErrorXml.ListXml.errors(list).stream()
                .map(e -> new OrderError(trim(e.code()), trim(e.description()), phoneNumber(e.telephoneNumber())))
                .toList();
    }

    static List<PhoneNumber> phoneNumbers(List<String> digits) {
        return mapNonNull(digits, BandwidthMapper::phoneNumber);
    }

    static <T> List<PhoneNumber> phoneNumbers(List<T> items, Function<T, String> digits) {
        return mapNonNull(items, item -> phoneNumber(digits.apply(item)));
    }

    private static <T, R> List<R> mapNonNull(List<T> items, Function<T, R> mapper) {
        return items == null ? List.of() : items.stream().map(mapper).filter(Objects::nonNull).toList();
    }

    /** Numbers Bandwidth returns that are not valid NANP (test data, non-US) are skipped, never a 500. */
    static PhoneNumber phoneNumber(String digits) {
        if (digits == null) {
            return null;
        }
        String trimmed = digits.trim();
        String national = trimmed.startsWith("+1") ? trimmed.substring(2)
                : trimmed.length() == 11 && trimmed.startsWith("1") ? trimmed.substring(1) : trimmed;
        return PhoneNumber.isValid(national) ? PhoneNumber.parse(national) : null;
    }

    static OrderStatus status(String value) {
        return OrderStatus.fromUpstream(value);
    }

    /** Some official examples carry malformed dates; those read as unknown rather than failing the call. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
