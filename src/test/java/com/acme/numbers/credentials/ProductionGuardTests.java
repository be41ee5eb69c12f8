package com.acme.numbers.credentials;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.acme.numbers.NumbersGatewayApplication;

/** Credentials in configuration are for development only: the production profile refuses to start with them. */
class ProductionGuardTests {

    @Test
    void staticCredentialsAreRefusedUnderTheProductionProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NumbersGatewayApplication.class)
                .profiles("production")
                .properties("server.port=0", "gateway.sandbox.enabled=false", "gateway.credentials.backend=static",
                        "gateway.credentials.static.123.client-id=id", "gateway.credentials.static.123.client-secret=s")
                .run().close())
                .rootCause().hasMessageContaining("refused under the production profile")
                .hasMessageNotContaining("client-secret=s");
    }
}
