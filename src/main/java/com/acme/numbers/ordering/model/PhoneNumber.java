package com.acme.numbers.ordering.model;

/**
 * A North American (NANP) telephone number, held as its ten national digits.
 *
 * @param digits the ten digits: area code, exchange, line
 */
public record PhoneNumber(String digits) {

    public PhoneNumber {
        if (digits == null || !isValidNanp(digits)) {
            throw new IllegalArgumentException("not a valid NANP number: " + digits);
        }
    }

    /** Accepts {@code +1} followed by ten digits, or the bare ten digits. */
    public static PhoneNumber parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("phone number is missing");
        }
        String trimmed = input.trim();
        String digits = trimmed.startsWith("+1") ? trimmed.substring(2) : trimmed;
        return new PhoneNumber(digits);
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /*
     * NXX-NXX-XXXX with ASCII digits only. A loop rather than a regex: a 5000-number search validates every number,
     * and a matcher per number showed in its allocation profile.
     */
    private static boolean isValidNanp(String digits) {
        if (digits.length() != 10) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return isNxxCode(digits, 0) && isNxxCode(digits, 3);
    }

    /** Area codes and exchanges start with 2-9; N11 codes (211..911) are service codes, never either. */
    private static boolean isNxxCode(String digits, int start) {
        return digits.charAt(start) >= '2' && !(digits.charAt(start + 1) == '1' && digits.charAt(start + 2) == '1');
    }

    public String e164() {
        return "+1" + digits;
    }

    @Override
    public String toString() {
        return e164();
    }
}
