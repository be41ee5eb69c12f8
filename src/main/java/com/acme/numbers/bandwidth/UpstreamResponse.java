package com.acme.numbers.bandwidth;

import org.springframework.http.HttpHeaders;

/** A Bandwidth answer with a 2xx status: headers and the raw body (empty string when none). */
record UpstreamResponse(HttpHeaders headers, String body) {

    /** The id at the end of the {@code Location} header, as every Bandwidth SDK reads it. */
    String locationId() {
        String location = headers.getFirst(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            return null;
        }
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
