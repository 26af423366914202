package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a Jenkins for each test of the annotated class (or method) and passes its
 * {@code JenkinsRule} as a parameter. Mirrors {@code org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37}. The JUnit extension the real annotation
 * registers is left out on purpose: tests that need Jenkins do not run against this surface.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithJenkins {}
