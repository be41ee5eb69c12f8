package com.acme.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;


/** The search's query string, typed with {@code @RequestParam}'s conversion rules; one value per name. */
class QueryValuesTests {


    @ParameterizedTest
    @CsvSource({ "true, true", "ON, true", "yes, true", "1, true", "false, false", "Off, false", "no, false",
            "0, false" })
    void flagsAcceptSpringsSpellings(String given, boolean expected) {
        assertThat(query("details=" + given).flag("details")).isEqualTo(expected);
    }

    @Test
    void absentOrEmptyValuesAreNull() {
        QueryValues query = query("areaCode=919&details=&quantity=");
        assertThat(query.text("areaCode")).isEqualTo("919");
        assertThat(query.flag("details")).isNull();
        assertThat(query.whole("quantity")).isNull();
        assertThat(query("areaCode=919").flag("details")).isNull();
        assertThat(query("quantity=42").whole("quantity")).isEqualTo(42);
        assertThat(QueryValues.of(MockServerWebExchange.from(MockServerHttpRequest.method(
                HttpMethod.GET, URI.create("/search?quantity=%2042%20")).build())).whole("quantity")).isEqualTo(42);
    }

    @Test
    void wrongTypesNameTheParameter() {
        assertThatThrownBy(() -> query("quantity=abc").whole("quantity"))
                .isInstanceOfSatisfying(QueryValues.MalformedParameterException.class,
                        ex -> assertThat(ex.parameter()).isEqualTo("quantity"));
        assertThatThrownBy(() -> query("quantity=99999999999").whole("quantity"))
                .isInstanceOf(QueryValues.MalformedParameterException.class);
        assertThatThrownBy(() -> query("details=maybe").flag("details"))
                .isInstanceOfSatisfying(QueryValues.MalformedParameterException.class,
                        ex -> assertThat(ex.getMessage()).isEqualTo("Parameter 'details' has an invalid value."));
    }

    private static QueryValues query(String queryString) {
        return QueryValues.of(MockServerWebExchange.from(MockServerHttpRequest.get("/search?" + queryString)));
    }
}
