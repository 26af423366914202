package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Percentage;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jenkins writes global configuration, actions and step executions with XStream and refuses
 * classes its filter does not know (JEP-200). What the plugin persists must therefore be its own
 * plain classes: no records, no {@code Object}-typed fields, no engine types. This test follows
 * every persisted field from each root.
 */
class PersistedClassesTest {

    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.genesis";
    private static final Set<Class<?>> PLAIN_VALUES =
            Set.of(String.class, Boolean.class, Integer.class, Long.class, Double.class);

    /** Everything Jenkins persists for the plugin starts at one of these classes. */
    private static final List<Class<?>> PERSISTED_ROOTS = List.of(GenesisConfiguration.class);

    @Test
    void shouldPersistOnlyPlainPluginClasses() {
        // given
        List<String> problems = new ArrayList<>();

        // when
        PERSISTED_ROOTS.forEach(root -> problems.addAll(problemsOf(root)));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindEveryKindOfUnsafeField() {
        // when
        List<String> problems = problemsOf(UnsafeHolder.class);

        // then
        assertThat(problems)
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("anything", "Object"))
                .anySatisfy(p -> assertThat(p).contains("snapshot", "record"))
                .anySatisfy(p -> assertThat(p).contains("threshold", "engine"))
                .anySatisfy(p -> assertThat(p).contains("values", "Object"))
                .anySatisfy(p -> assertThat(p).contains("byName", "wildcard"));
    }

    static List<String> problemsOf(Class<?> root) {
        List<String> problems = new ArrayList<>();
        checkClass(root, new HashSet<>(), problems);
        return problems;
    }

    private static void checkClass(Class<?> type, Set<Class<?>> visited, List<String> problems) {
        if (!visited.add(type)) {
            return;
        }
        if (type.isRecord()) {
            problems.add(type.getName() + " is a record, which XStream in Jenkins cannot rebuild");
            return;
        }
        // Fields of Jenkins' own superclasses are Jenkins' business.
        for (Class<?> c = type; c != null && c.getName().startsWith(PLUGIN_PACKAGE); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    checkType(c.getSimpleName() + "." + field.getName(), field.getGenericType(), visited, problems);
                }
            }
        }
    }

    private static void checkType(String where, Type type, Set<Class<?>> visited, List<String> problems) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(where + " element", argument, visited, problems);
            }
        } else if (!(type instanceof Class<?> raw)) {
            problems.add(where + " has a wildcard, type variable or generic type " + type.getTypeName());
        } else if (raw == Object.class) {
            problems.add(where + " is typed Object, so XStream would write whatever class it holds");
        } else if (raw.isPrimitive() || PLAIN_VALUES.contains(raw) || raw.isEnum()) {
            return;
        } else if (raw.getName().startsWith("io.genesis.")) {
            problems.add(where + " holds the engine type " + raw.getName() + "; persist a plugin-side copy");
        } else if (raw.getName().startsWith(PLUGIN_PACKAGE)) {
            if (raw.isRecord()) {
                problems.add(where + " holds the record " + raw.getName());
            } else {
                checkClass(raw, visited, problems);
            }
        } else {
            problems.add(where + " holds " + raw.getName() + ", which is neither plain nor the plugin's own");
        }
    }

    /** Deliberately wrong, to prove the check finds each kind of problem. */
    @SuppressWarnings("unused")
    static final class UnsafeHolder {
        private Object anything;
        private Snapshot snapshot;
        private Percentage threshold;
        private List<Object> values;
        private Map<String, ?> byName;
        private transient Object cache;
        private static Object shared;
        private String fine;
        private List<String> alsoFine;
    }

    record Snapshot(String name) {}
}
