package com.acme.numbers.web.slice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.server.WebFilter;

/**
 * A web slice: the named controllers with the error advice and JSON, none of our WebFilters (keys, quotas, audit:
 * tested with the whole application), and the use cases left to the test to stub.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebFluxTest(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WebFilter.class))
@Import(WebSliceConfiguration.class)
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebFluxTest.class, attribute = "controllers")
    Class<?>[] value();
}
