package org.jenkinsci;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The short name under which a describable appears in Pipeline and Configuration as Code.
 * Mirrors {@code org.jenkins-ci:symbol-annotation:1.25} (the version Jenkins 2.541.3 ships).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Symbol {
    String[] value();
}
