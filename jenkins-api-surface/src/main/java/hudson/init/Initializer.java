package hudson.init;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method Jenkins calls during start-up, after the milestone {@link #after()}.
 * Mirrors {@code org.jenkins-ci.main:jenkins-core:2.541.3} (its {@code @Indexed} meta-annotation, from
 * annotation-indexer, is left out: Jenkins finds the methods through the index the real build writes).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Initializer {
    InitMilestone after() default InitMilestone.STARTED;

    InitMilestone before() default InitMilestone.COMPLETED;

    String[] requires() default {};

    String[] attains() default {};

    String displayName() default "";

    boolean fatal() default true;
}
