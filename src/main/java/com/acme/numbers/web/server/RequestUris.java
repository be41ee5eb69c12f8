package com.acme.numbers.web.server;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a request target is one WebFlux can turn into a {@link URI}: below it, Spring's Reactor adapter answers
 * an invalid one (a {@code %zz} escape, a space, a brace) with a bare 400, no problem body and no request id. A
 * scan of the usual characters decides most targets without building a URI.
 */
public final class RequestUris {

    private RequestUris() {
    }

    public static boolean isValid(String target) {
        return isPlain(target) || parses(target);
    }

    /* Letters, digits, the URI punctuation WebFlux takes as it is, and well-formed %XX escapes. */
    private static boolean isPlain(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
            else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/?&=-._~:@!$'()*+,;".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
