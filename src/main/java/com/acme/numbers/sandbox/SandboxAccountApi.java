package com.acme.numbers.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The simulated account's one site and its one SIP peer, and Bandwidth's answers for any other (12016, 13563). */
final class SandboxAccountApi {

    private final SandboxProperties properties;

    SandboxAccountApi(SandboxProperties properties) {
        this.properties = properties;
    }

    Mono<ServerResponse> site(ServerRequest request) {
        if (!properties.siteId().equals(request.pathVariable("siteId"))) {
            return SandboxApi.xml(HttpStatus.NOT_FOUND, "<SiteResponse>" + status("12016", "Site not found")
                    + "</SiteResponse>");
        }
        return SandboxApi.xml(HttpStatus.OK, "<SiteResponse><Site><Id>" + properties.siteId()
                + "</Id><Name>Sandbox site</Name></Site></SiteResponse>");
    }

    Mono<ServerResponse> sipPeer(ServerRequest request) {
        if (!properties.siteId().equals(request.pathVariable("siteId"))
                || !properties.peerId().equals(request.pathVariable("peerId"))) {
            return SandboxApi.xml(HttpStatus.NOT_FOUND, "<SipPeerResponse>" + status("13563", "SIP peer not found")
                    + "</SipPeerResponse>");
        }
        return SandboxApi.xml(HttpStatus.OK, "<SipPeerResponse><SipPeer><PeerId>" + properties.peerId()
                + "</PeerId><PeerName>Sandbox peer</PeerName><IsDefaultPeer>true</IsDefaultPeer></SipPeer>"
                + "</SipPeerResponse>");
    }

    private static String status(String code, String description) {
        return "<ResponseStatus><ErrorCode>" + code + "</ErrorCode><Description>" + description
                + "</Description></ResponseStatus>";
    }
}
