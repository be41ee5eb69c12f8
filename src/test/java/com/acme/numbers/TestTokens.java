package com.acme.numbers;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signed JWTs from a test issuer whose JWK set the Bandwidth stub serves. */
final class TestTokens {

    private TestTokens() {
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-issuer").generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String jwks(RSAKey key) {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    static String token(RSAKey key, String clientId, String scope, List<String> accounts, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId)
                .claim("scope", scope).claim("numbers_accounts", accounts).issueTime(new Date())
                .expirationTime(Date.from(expires)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
