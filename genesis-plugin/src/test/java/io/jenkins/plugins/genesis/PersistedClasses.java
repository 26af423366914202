package io.jenkins.plugins.genesis;

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

/**
 * Follows every persisted (or serialized) field from a class and lists what Jenkins could not
 * safely store or send: records, {@code Object}-typed fields, wildcards, engine types, and anything
 * that is neither a plain value nor the plugin's own class. Shared by the tests of every package
 * whose classes Jenkins persists or sends to agents.
 */
public final class PersistedClasses {

    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.genesis";
    private static final Set<Class<?>> PLAIN_VALUES =
            Set.of(String.class, Boolean.class, Integer.class, Long.class, Double.class);

    private PersistedClasses() {}

    /** One line per problem found from {@code root}; empty when everything is safe. */
    public static List<String> problemsOf(Class<?> root) {
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
}
