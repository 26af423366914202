package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a web method parameter to the nearest object of its type on the request's URL path, such
 * as the job whose page a form belongs to. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {}
