package com.acme.numbers.bandwidth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.ordering.error.UpstreamFailureException;

/**
 * Tells Bandwidth's answers from whatever else can answer at its address: a corporate proxy's or load balancer's
 * HTML page, a captive portal, a JSON error from an ingress, a truncated or empty body. An answer is Bandwidth's
 * only if its content type is XML (or absent) and its root element is the one the operation expects (or, for an
 * error status, Bandwidth's generic {@code ErrorResponse}); anything else is an upstream failure (502) that names the
 * operation, the status and the content type, never a piece of the body, and is never read as an empty result.
 */
final class BandwidthAnswers {

    private static final String GENERIC_ERROR_ROOT = "ErrorResponse";

    private BandwidthAnswers() {
    }

    /** A successful answer's body, once it is known to be Bandwidth's. */
    static String successBody(UpstreamOperation operation, int status, HttpHeaders headers, String body) {
        if (body.isBlank()) {
            if (operation.bodyExpected()) {
                throw foreign(operation, status, headers, "an empty body");
            }
            return body;
        }
        String root = xmlRoot(headers, body);
        if (!operation.root().equals(root)) {
            throw foreign(operation, status, headers, describe(root));
        }
        return body;
    }

    /**
     * Whether an error answer (4xx, 5xx) cannot be Bandwidth's: {@code null} when it may be, so that Bandwidth's own
     * error carriers are translated as usual. An error without a body is taken as Bandwidth's (its 429 has none).
     */
    static UpstreamFailureException foreignError(UpstreamOperation operation, int status, HttpHeaders headers, String body) {
        if (body.isBlank()) {
            return null;
        }
        String root = xmlRoot(headers, body);
        return operation.root().equals(root) || GENERIC_ERROR_ROOT.equals(root) ? null
                : foreign(operation, status, headers, describe(root));
    }

    /** The root element's name, or {@code null} when the content type is not XML or the body is not XML. */
    private static String xmlRoot(HttpHeaders headers, String body) {
        MediaType type = contentType(headers);
        if (type != null && !isXml(type)) {
            return null;
        }
        return BandwidthXml.rootElement(body);
    }

    private static boolean isXml(MediaType type) {
        return MediaType.APPLICATION_XML.equalsTypeAndSubtype(type) || MediaType.TEXT_XML.equalsTypeAndSubtype(type)
                || type.getSubtype().endsWith("+xml");
    }

    private static MediaType contentType(HttpHeaders headers) {
        try {
            return headers.getContentType();
        }
        catch (InvalidMediaTypeException ex) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static String describe(String root) {
        return root == null ? "a body that is not Bandwidth XML" : "a document of another kind";
    }

    private static UpstreamFailureException foreign(UpstreamOperation operation, int status, HttpHeaders headers,
            String what) {
        return new UpstreamFailureException("Bandwidth's address answered the " + operation.description() + " with "
                + what + " (HTTP " + status + ", " + shown(contentType(headers)) + "): not an answer from Bandwidth");
    }

    /** A content type as a problem's detail may name it: type and subtype, never parameters, at most 64 characters. */
    static String shown(MediaType type) {
        String text = type == null ? "no content type" : type.getType() + "/" + type.getSubtype();
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
