package com.acme.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.acme.numbers.ordering.FieldProblem;
import com.acme.numbers.ordering.InvalidRequestException;

/** The search's query string, typed with {@code @RequestParam}'s conversion rules; one value per name. */
class QueryValuesTests {

    private static final Set<String> KNOWN = Set.of("areaCode", "details", "quantity");

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
                HttpMethod.GET, URI.create("/search?quantity=%2042%20")).build()), KNOWN).whole("quantity")).isEqualTo(42);
    }

    @Test
    void aRepeatedParameterIsRefusedByName() {
        assertThatThrownBy(() -> query("areaCode=919&areaCode=206&quantity=1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.problems())
                        .containsExactly(new FieldProblem("areaCode", "is given more than once")));
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

    @Test
    void unknownNamesAreRefused() {
        assertThatThrownBy(() -> query("areaCode=919&colour=blue")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("colour");
    }

    private static QueryValues query(String queryString) {
        return QueryValues.of(MockServerWebExchange.from(MockServerHttpRequest.get("/search?" + queryString)),
                KNOWN);
    }
}
