package com.acme.numbers.web.slice;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import com.acme.numbers.web.problem.ProblemWriter;
import com.acme.numbers.web.security.ApiProperties;

/**
 * What a web slice test adds to {@code @WebFluxTest}: the problem writer the advice needs and the API settings
 * (the longest {@code Prefer: wait}). The callers' keys,
 * scopes, quotas and the other WebFilters are left out of the slice (they are tested with the whole application),
 * and the slice has no security chain of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProblemWriter.class)
@EnableConfigurationProperties(ApiProperties.class)
public class WebSliceConfiguration {
}
