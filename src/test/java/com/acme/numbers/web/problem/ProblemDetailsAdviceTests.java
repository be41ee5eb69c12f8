package com.acme.numbers.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

import com.acme.numbers.web.QueryValues;
import com.acme.numbers.web.server.AuditFilter;

/** Unexpected failures become a 500 problem, unless the caller is gone or the answer already left. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTests {

    private final ProblemDetailsAdvice advice =
            new ProblemDetailsAdvice(new ProblemWriter(ServerCodecConfigurer.create()));

    @Test
    void anUnexpectedFailureIsA500ProblemAndAnErrorLineWithTheRequestId(CapturedOutput output) {
        MockServerWebExchange exchange = exchange();

        StepVerifier.create(advice.unexpected(new IllegalStateException("boom"), exchange))
                .assertNext(response -> {
                    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
                    assertThat(((ProblemDetail) response.getBody()).getProperties())
                            .containsEntry("code", "internal_error").doesNotContainKey("trace");
                })
                .verifyComplete();
        assertThat(output.getAll()).contains("Unexpected failure on GET /api/v1/accounts/a/available-numbers");
    }

    @Test
    void aQueryValueOfTheWrongTypeIsAMalformedRequestNamingIt() {
        StepVerifier.create(advice.malformedParameter(new QueryValues.MalformedParameterException("quantity"),
                        exchange()))
                .assertNext(response -> {
                    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    ProblemDetail problem = (ProblemDetail) response.getBody();
                    assertThat(problem.getDetail()).isEqualTo("Parameter 'quantity' has an invalid value.");
                    assertThat(problem.getProperties()).containsEntry("code", "malformed_request");
                    assertThat(problem.getProperties().get("errors").toString()).contains("quantity");
                })
                .verifyComplete();
    }

    @Test
    void aCallerThatHungUpEndsQuietlyAsAbortedWithoutAnErrorLine(CapturedOutput output) {
        AbortedException aborted = new AbortedException("Connection has been closed BEFORE send operation");
        MockServerWebExchange exchange = exchange();

        // completing (not failing) keeps WebFlux from logging the abort as an ERROR and a 500
        StepVerifier.create(advice.unexpected(aborted, exchange)).verifyComplete();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("ERROR");
        assertThat(exchange.getAttributes()).containsEntry(AuditFilter.OUTCOME, AuditFilter.ABORTED);
    }

    @Test
    void aCommittedResponseIsNotRewritten() {
        MockServerWebExchange exchange = exchange();
        exchange.getResponse().setComplete().block();
        IllegalStateException late = new IllegalStateException("after the body");

        StepVerifier.create(advice.unexpected(late, exchange)).verifyErrorMatches(ex -> ex == late);
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/accounts/a/available-numbers"));
    }
}
