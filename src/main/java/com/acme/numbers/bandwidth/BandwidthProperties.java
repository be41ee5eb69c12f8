package com.acme.numbers.bandwidth;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Connection settings for the Bandwidth Numbers API.
 *
 * @param baseUrl root of the API (account and tns paths are appended)
 * @param tokenUrl OAuth2 token endpoint for client-credential accounts
 * @param connectTimeout time allowed to open a TCP connection
 * @param responseTimeout time allowed for one complete response (one attempt)
 * @param maxConnections upper bound of pooled connections to Bandwidth
 * @param pendingAcquireTimeout how long a call may wait for a free connection (at most the response timeout)
 * @param maxResponseSize largest upstream body the gateway will read
 */
@ConfigurationProperties("gateway.bandwidth")
public record BandwidthProperties(
        @DefaultValue("https://dashboard.bandwidth.com/api") URI baseUrl,
        @DefaultValue("https://api.bandwidth.com/api/v1/oauth2/token") URI tokenUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("100") int maxConnections,
        @DefaultValue("5s") Duration pendingAcquireTimeout,
        @DefaultValue("16MB") DataSize maxResponseSize) {

    public BandwidthProperties {
        if (pendingAcquireTimeout.compareTo(responseTimeout) > 0) {
            pendingAcquireTimeout = responseTimeout;
        }
    }
}
