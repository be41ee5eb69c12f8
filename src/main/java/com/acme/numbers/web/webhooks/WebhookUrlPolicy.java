package com.acme.numbers.web.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.acme.numbers.events.webhooks.WebhooksProperties;
import com.acme.numbers.ordering.error.InvalidRequestException;

/**
 * Where webhooks may go, so a subscription cannot turn the gateway against its own network: https to a host of
 * {@code gateway.webhooks.allowed-hosts}, or plain http to one of {@code insecure-http-hosts}; and, once the name is
 * resolved, no loopback, link-local (cloud metadata), private, unique-local, shared or wildcard address, unless
 * the host is listed as an exact entry (not a {@code *.} pattern). Checked when a subscription is made and again
 * before every attempt, since a name may resolve elsewhere later.
 */
final class WebhookUrlPolicy {

    private final List<String> secureHosts;
    private final List<String> insecureHosts;

    WebhookUrlPolicy(WebhooksProperties properties) {
        this.secureHosts = lower(properties.allowedHosts());
        this.insecureHosts = lower(properties.insecureHttpHosts());
    }

    /** @return the URL when its form and host are allowed; a 400 naming the rule otherwise */
    URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw refused("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("must not carry user information or a fragment");
        }
        if (scheme.equals("https") ? !matches(secureHosts, host) && !matches(insecureHosts, host)
                : !matches(insecureHosts, host)) {
            throw refused(scheme.equals("https") ? "host " + host + " is not in gateway.webhooks.allowed-hosts"
                    : "plain http is allowed only to gateway.webhooks.insecure-http-hosts, and " + host
                            + " is not one of them");
        }
        return uri;
    }

    /** Resolves the host (off the event loop) and refuses internal addresses unless the host is listed exactly. */
    Mono<URI> resolved(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (secureHosts.contains(host) || insecureHosts.contains(host)) {
            return Mono.just(url);
        }
        return Mono.fromCallable(() -> InetAddress.getAllByName(stripBrackets(host)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(UnknownHostException.class, ex -> refused("host " + host + " does not resolve"))
                .map(addresses -> {
                    for (InetAddress address : addresses) {
                        if (internal(address)) {
                            throw refused("host " + host + " resolves to an internal address ("
                                    + address.getHostAddress() + "); list the host exactly to allow it");
                        }
                    }
                    return url;
                });
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || first == 100 && second >= 64 && second < 128 || first >= 240;
    }

    private static boolean matches(List<String> patterns, String host) {
        for (String pattern : patterns) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : pattern.equals(host)) {
                return true;
            }
        }
        return false;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    private static InvalidRequestException refused(String rule) {
        return InvalidRequestException.of("url", rule);
    }
}
