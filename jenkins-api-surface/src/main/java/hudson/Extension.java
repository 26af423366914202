package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (or field or method) that Jenkins discovers and registers at start-up. Mirrors
 * {@code org.jenkins-ci.main:jenkins-core:2.541.3}; the members, all optional, are left out because the plugin sets none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {

    /**
     * Whether Jenkins skips this extension, silently, when it cannot be loaded (a class of an
     * optional plugin dependency is missing) instead of reporting an error.
     */
    boolean optional() default false;
}
