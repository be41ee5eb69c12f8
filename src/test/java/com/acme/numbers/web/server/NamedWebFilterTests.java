package com.acme.numbers.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebFilter;

import com.acme.numbers.web.security.SecurityHeadersFilter;

class NamedWebFilterTests {

    @Test
    void aFilterIsNamedByItsClassWithOneStringForEveryCall() {
        WebFilter filter = new SecurityHeadersFilter();

        assertThat(filter).hasToString("SecurityHeadersFilter");
        assertThat(filter.toString()).isSameAs(filter.toString());
    }
}
