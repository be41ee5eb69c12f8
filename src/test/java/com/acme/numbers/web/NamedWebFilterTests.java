package com.acme.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebFilter;

class NamedWebFilterTests {

    @Test
    void aFilterIsNamedByItsClassWithOneStringForEveryCall() {
        WebFilter filter = new SecurityHeadersFilter();

        assertThat(filter).hasToString("SecurityHeadersFilter");
        assertThat(filter.toString()).isSameAs(filter.toString());
    }
}
