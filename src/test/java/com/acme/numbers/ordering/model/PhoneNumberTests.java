package com.acme.numbers.ordering.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = { "+19195551234", "9195551234", " 9195551234 " })
    void acceptsPlusOneAndBareTenDigits(String input) {
        PhoneNumber number = PhoneNumber.parse(input);

        assertThat(number.digits()).isEqualTo("9195551234");
        assertThat(number.e164()).isEqualTo("+19195551234");
        assertThat(number).hasToString("+19195551234");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "919555123", "91955512345", "+449195551234", "19195551234", "1195551234",
            "0195551234", "9191551234", "9190551234", "9115551234", "9199115555", "919-555-1234", "+1919555123a",
            "\u0669\u0661\u0669\u0665\u0665\u0665\u0661\u0662\u0663\u0664", "9195551\u0662\u0663\u0664" })
    void rejectsAnythingElse(String input) {
        assertThat(PhoneNumber.isValid(input)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
