package com.acme.numbers.web.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Behaviour of the JSON API ({@code gateway.api.*}).
 *
 * @param maxPreferWait longest {@code Prefer: wait=N} honoured on POST /orders and /disconnects
 * @param publicUrl the address callers reach the gateway at, shown as the OpenAPI document's server; relative
 *        ({@code /}) by default, never taken from a request's {@code Host} header, which anyone can set
 */
@ConfigurationProperties("gateway.api")
public record ApiProperties(@DefaultValue("30s") Duration maxPreferWait, @DefaultValue("/") URI publicUrl) {
}
