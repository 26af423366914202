package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts a web method to HTTP POST (which Jenkins protects with a crumb); a GET is answered with
 * 405. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}; the interceptor that does it
 * is Stapler's business, so only the annotation's shape is declared.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {}
