package com.acme.numbers.web.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that takes every search key ({@code SearchKey}) as a query parameter: the query-string rule
 * accepts them and the API description lists them, both from the one table.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SearchKeyParameters {
}
