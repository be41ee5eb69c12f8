package com.acme.numbers.web.security;

/**
 * The checks Spring Security's strict firewall makes on header names, header values and parameter names, written
 * as loops: its default predicates are Unicode regular expressions that ran on every header read, a measurable
 * share of every request's CPU. Same rule: every code point assigned and not an ISO control character
 * (header values may also hold tabs); absent values pass, as they do there.
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    static boolean isName(String text) {
        return text == null || allAllowed(text, false);
    }

    static boolean isHeaderValue(String text) {
        return text == null || allAllowed(text, true);
    }

    private static boolean allAllowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean allowed = codePoint == '\t' ? tabAllowed
                    : Character.getType(codePoint) != Character.UNASSIGNED && !Character.isISOControl(codePoint);
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
