package com.acme.numbers.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.acme.numbers.ordering.error.InvalidRequestException;

/** Opaque page tokens over Bandwidth's keyset page keys, so callers never depend on their form. */
final class PageToken {

    private static final String PREFIX = "p1:";

    private PageToken() {
    }

    static String encode(String page) {
        return page == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + page).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        if (token == null) {
            return "1";
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return RequestValues.id("pageToken", decoded.substring(PREFIX.length()));
            }
        }
        catch (IllegalArgumentException ex) {
            // falls through to the same answer as any other foreign token
        }
        throw InvalidRequestException.of("pageToken", "is not a token this API issued");
    }
}
