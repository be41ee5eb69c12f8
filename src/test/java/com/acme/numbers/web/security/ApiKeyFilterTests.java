package com.acme.numbers.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFilterTests {

    @ParameterizedTest
    @CsvSource({ "/api/v1/accounts/9900001, 9900001", "/api/v1/accounts/9900001/, 9900001",
            "/api/v1/accounts/9900001/available-numbers, 9900001", "/api/v1/accounts/a%2Fb/orders/x, a%2Fb" })
    void findsTheAccountAnAccountPathNames(String path, String account) {
        assertThat(ApiKeyFilter.accountIn(path)).isEqualTo(account);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/accounts/", "/api/v1/accounts//orders", "/api/v1/accounts", "/api/v1/accountsX/1",
            "/api/v2/accounts/1", "/api/v1/openapi", "/actuator/health" })
    void namesNoAccountForOtherPaths(String path) {
        assertThat(ApiKeyFilter.accountIn(path)).isNull();
    }
}
