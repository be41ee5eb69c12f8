package com.acme.numbers.bandwidth;

import java.net.URI;

/**
 * Where Bandwidth is, asked per call: in sandbox mode the gateway's own port is known only once it listens.
 */
public interface BandwidthEndpoints {

    URI baseUrl();

    URI tokenUrl();

    static BandwidthEndpoints of(BandwidthProperties properties) {
        return new BandwidthEndpoints() {
            @Override
            public URI baseUrl() {
                return properties.baseUrl();
            }

            @Override
            public URI tokenUrl() {
                return properties.tokenUrl();
            }
        };
    }
}
