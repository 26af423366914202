package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a web method parameter to a request parameter of the same name. Mirrors {@code org.kohsuke.stapler:stapler:2050.v425108fd5089}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    /** The request parameter's name, when it differs from the Java parameter's. */
    String value() default "";

    boolean required() default false;

    /** Whether an empty value arrives as {@code null}. */
    boolean fixEmpty() default false;
}
