package com.acme.numbers.bandwidth;

import reactor.core.publisher.Mono;

import com.acme.numbers.bandwidth.guard.UpstreamOperation;
import com.acme.numbers.ordering.AccountDirectory;
import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.RequestRejectedException;

/** Sites and SIP peers, looked up at Bandwidth: a 404, or its code for an unknown one, means it does not exist. */
final class BandwidthAccountDirectory implements AccountDirectory {

    private static final String UNKNOWN_SITE = "12016";
    private static final String UNKNOWN_SIP_PEER = "13563";

    private final BandwidthClient client;

    BandwidthAccountDirectory(BandwidthClient client) {
        this.client = client;
    }

    @Override
    public Mono<Boolean> siteExists(String accountId, String siteId) {
        return exists(client.exchange(accountId, UpstreamOperation.READ_SITE, null, null,
                "accounts", accountId, "sites", siteId), UNKNOWN_SITE);
    }

    @Override
    public Mono<Boolean> sipPeerExists(String accountId, String siteId, String peerId) {
        return exists(client.exchange(accountId, UpstreamOperation.READ_SIP_PEER, null, null,
                "accounts", accountId, "sites", siteId, "sippeers", peerId), UNKNOWN_SIP_PEER);
    }

    private static Mono<Boolean> exists(Mono<UpstreamResponse> lookup, String unknownCode) {
        return lookup.thenReturn(true)
                .onErrorResume(NotFoundException.class, missing -> Mono.just(false))
                .onErrorResume(RequestRejectedException.class,
                        rejected -> unknownCode.equals(rejected.upstreamCode()) ? Mono.just(false)
                                : Mono.error(rejected));
    }
}
