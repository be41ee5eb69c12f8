package com.acme.numbers.bandwidth.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error carriers any Bandwidth body may hold, whatever its root element: {@code ResponseStatus} (also inside
 * {@code ErrorResponse}), {@code ErrorList}, and {@code SearchResult/Error}. {@code OrderStatus} tells an order's
 * per-number results (data) from a rejection.
 */
public record EnvelopeXml(
        @JsonProperty("ResponseStatus") ResponseStatusXml responseStatus,
        @JsonProperty("ErrorList") ErrorXml.ListXml errorList,
        @JsonProperty("Error") ErrorXml error,
        @JsonProperty("OrderStatus") String orderStatus) {

    public record ResponseStatusXml(
            @JsonProperty("ErrorCode") String errorCode,
            @JsonProperty("Description") String description) {
    }

    /**
     * Whether a body may hold one of the error carriers: {@code false} when no element name could be one, which is
     * every successful answer, so those are not parsed a second time just to find no error. An element's name is
     * never escaped in XML, so a carrier's name always appears as is in the text.
     */
    public static boolean mayCarryError(String body) {
        return body != null && (body.contains("Error") || body.contains("ResponseStatus"));
    }

    /** The first error this body carries, or null when it carries none. */
    public ErrorXml firstError() {
        if (error != null) {
            return error;
        }
        if (responseStatus != null && (responseStatus.errorCode() != null || responseStatus.description() != null)
                && !"0".equals(responseStatus.errorCode())) {
            return new ErrorXml(responseStatus.errorCode(), responseStatus.description(), null);
        }
        List<ErrorXml> errors = ErrorXml.ListXml.errors(errorList);
        return errors.isEmpty() ? null : errors.get(0);
    }
}
