package com.acme.numbers.web.server;

import static io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER;
import static io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;

class DeclaredQueryParametersTests {

    @Test
    void readsRequestParamsAndTheOperationsQueryParametersOnly() throws NoSuchMethodException {
        HandlerMethod handler = new HandlerMethod(new Handler(),
                Handler.class.getDeclaredMethod("handle", String.class, int.class, String.class));

        assertThat(DeclaredQueryParameters.of(handler).names()).containsExactlyInAnyOrder("status", "page", "areaCode");
    }

    @Test
    void anOperationWithoutParametersAcceptsAnEmptyQueryOnly() {
        DeclaredQueryParameters none = new DeclaredQueryParameters(Set.of());
        none.check(new LinkedMultiValueMap<>());

        assertThatThrownBy(() -> none.check(query("dryRun", "true")))
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.problems())
                        .containsExactly(new FieldProblem("dryRun", "is not a known query parameter")));
    }

    @Test
    void aRepeatedParameterIsRefusedByName() {
        MultiValueMap<String, String> query = query("areaCode", "919");
        query.add("areaCode", "206");

        assertThatThrownBy(() -> new DeclaredQueryParameters(Set.of("areaCode")).check(query))
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.problems())
                        .containsExactly(new FieldProblem("areaCode", "is given more than once")));
    }

    @Test
    void aLongUnknownNameIsEchoedCut() {
        assertThatThrownBy(() -> new DeclaredQueryParameters(Set.of()).check(query("y".repeat(100), "1")))
                .isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.problems().get(0).field())
                        .isEqualTo("y".repeat(64) + "…"));
    }

    private static MultiValueMap<String, String> query(String name, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add(name, value);
        return query;
    }

    static class Handler {

        @Operation(parameters = { @Parameter(name = "areaCode", in = QUERY),
                @Parameter(name = "X-Trace", in = HEADER) })
        void handle(@RequestParam(required = false) String status, @RequestParam(name = "page") int p,
                String notAParameter) {
        }
    }
}
