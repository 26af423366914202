package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every class Jenkins binds from a form, a Pipeline script or Configuration as Code: each bound
 * property ({@code @DataBoundConstructor} parameter or {@code @DataBoundSetter}) has a public getter
 * of the same type, which the Snippet Generator, the form and JCasC's export read back, and the
 * class has a form ({@code config.jelly}) whose fields and help files {@link ViewResourcesTest}
 * checks. The classes are found by scanning the plugin, so a new one is covered without listing it.
 */
class BindingTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    /** Scanned once: importing the classes is the slow part. */
    private static final List<Class<?>> BOUND = scan();

    static Stream<Class<?>> boundClasses() {
        return BOUND.stream();
    }

    /** The plugin's own classes: the folder (or jar) this build compiled them into. */
    private static List<Class<?>> scan() {
        try {
            Path classes = Path.of(JenkinsFacade.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return bound(new ClassFileImporter().importPath(classes).stream());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> bound(Stream<JavaClass> classes) {
        return classes.map(JavaClass::reflect)
                .filter(BindingTest::isBound)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    @Test
    void shouldFindEveryBoundClass() {
        assertThat(boundClasses().map(Class::getSimpleName))
                .contains(
                        "GenesisGateStep",
                        "GenesisDeployStep",
                        "GenesisRollbackStep",
                        "RequiredTest",
                        "CriterionCriticality",
                        "EnvironmentConfig",
                        "GenesisConfiguration",
                        "KubernetesTarget");
    }

    @ParameterizedTest
    @MethodSource("boundClasses")
    void shouldReadBackEveryBoundPropertyThroughAPublicGetter(Class<?> bound) {
        // given
        List<String> missing = new ArrayList<>();

        // when
        for (Constructor<?> constructor : bound.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    checkGetter(bound, parameter.getName(), parameter.getType(), missing);
                }
            }
        }
        for (Method setter : bound.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                String name = setter.getName().substring("set".length());
                checkGetter(
                        bound,
                        name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1),
                        setter.getParameterTypes()[0],
                        missing);
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("boundClasses")
    void shouldHaveAForm(Class<?> bound) {
        if (java.lang.reflect.Modifier.isAbstract(bound.getModifiers())) {
            // Stapler finds a form from the concrete class upward: a shared base needs concrete forms, not its own.
            assertThat(BOUND)
                    .as("concrete bound subclasses of %s", bound)
                    .anyMatch(c -> c != bound
                            && bound.isAssignableFrom(c)
                            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers()));
            return;
        }
        Path folder = RESOURCES.resolve(bound.getName().replace('.', '/').replace('$', '/'));
        assertThat(Files.exists(folder.resolve("config.jelly")))
                .as("%s/config.jelly", folder)
                .isTrue();
    }

    @Test
    void shouldNoticeAPropertyWithoutGetter() {
        // given
        List<String> missing = new ArrayList<>();

        // when
        checkGetter(WriteOnly.class, "secret", String.class, missing);

        // then
        assertThat(missing).singleElement().asString().contains("WriteOnly", "secret");
    }

    /** Deliberately wrong: a setter without a getter. */
    public static final class WriteOnly {
        @DataBoundSetter
        public void setSecret(String secret) {
            // never read back
        }
    }

    private static boolean isBound(Class<?> type) {
        return Arrays.stream(type.getConstructors()).anyMatch(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                || Arrays.stream(type.getMethods()).anyMatch(m -> m.isAnnotationPresent(DataBoundSetter.class));
    }

    private static void checkGetter(Class<?> bound, String property, Class<?> type, List<String> missing) {
        String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        boolean readable = Arrays.stream(bound.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0)
                .filter(m -> m.getName().equals("get" + suffix)
                        || (m.getName().equals("is" + suffix) && m.getReturnType() == boolean.class))
                .anyMatch(m -> type.isAssignableFrom(m.getReturnType()) || m.getReturnType() == type);
        if (!readable) {
            missing.add(bound.getName() + "." + property + " (" + type.getSimpleName() + ") has no public getter");
        }
    }
}
