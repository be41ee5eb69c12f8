package com.acme.numbers.ordering;

import java.util.regex.Pattern;

/**
 * A North American (NANP) telephone number, held as its ten national digits.
 *
 * @param digits the ten digits: area code, exchange, line
 */
public record PhoneNumber(String digits) {

    private static final Pattern NANP = Pattern.compile("[2-9]\\d{2}[2-9]\\d{6}");

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

    private static boolean isValidNanp(String digits) {
        // N11 codes (211..911) are service codes, never a valid area code or exchange.
        return NANP.matcher(digits).matches() && !isN11(digits.substring(0, 3)) && !isN11(digits.substring(3, 6));
    }

    private static boolean isN11(String code) {
        return code.charAt(1) == '1' && code.charAt(2) == '1';
    }

    public String e164() {
        return "+1" + digits;
    }

    @Override
    public String toString() {
        return e164();
    }
}
