package io.jenkins.plugins.genesis.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Binds a mapping of attributes to a configuration class the way Configuration as Code does: the
 * {@code @DataBoundConstructor}'s parameters by name, every other key through its
 * {@code @DataBoundSetter}, a nested mapping to the setter's own class, lists to lists, numbers to
 * the setter's number type. A key without a setter or a value of the wrong type is refused, as
 * Configuration as Code refuses it, before the engine sees anything. It runs where Jenkins does
 * not; the round trip through the real Configuration as Code is the {@code *JenkinsTest}.
 */
final class CascLikeBinding {

    private CascLikeBinding() {}

    static <T> T bind(Class<T> type, Map<?, ?> attributes) throws ReflectiveOperationException {
        Map<String, Object> left = new LinkedHashMap<>();
        attributes.forEach((key, value) -> left.put(String.valueOf(key), value));
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow();
        Object[] arguments = new Object[constructor.getParameterCount()];
        Parameter[] parameters = constructor.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = convert(
                    parameters[i].getType(),
                    parameters[i].getParameterizedType(),
                    left.remove(parameters[i].getName()));
        }
        T bound = type.cast(constructor.newInstance(arguments));
        for (Map.Entry<String, Object> attribute : left.entrySet()) {
            Method setter = setter(type, attribute.getKey());
            setter.invoke(
                    bound,
                    convert(setter.getParameterTypes()[0], setter.getGenericParameterTypes()[0], attribute.getValue()));
        }
        return bound;
    }

    private static Method setter(Class<?> type, String attribute) {
        String name = "set" + attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(DataBoundSetter.class))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Invalid configuration elements for type " + type.getSimpleName() + ": " + attribute));
    }

    private static Object convert(Class<?> type, Type generic, Object value) throws ReflectiveOperationException {
        if (value == null) {
            return null;
        }
        if (type == String.class && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return value.toString();
        }
        if ((type == Double.class || type == double.class) && value instanceof Number number) {
            return number.doubleValue();
        }
        if ((type == Integer.class || type == int.class)
                && value instanceof Number number
                && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        if ((type == Long.class || type == long.class)
                && value instanceof Number number
                && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        if ((type == Boolean.class || type == boolean.class) && value instanceof Boolean flag) {
            return flag;
        }
        if (type == List.class
                && value instanceof List<?> list
                && generic instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                && element != String.class) {
            // A list of nested objects (notification targets): each mapping bound to the element's class.
            List<Object> objects = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("cannot bind '" + item + "' to " + element.getName());
                }
                objects.add(bind(element, map));
            }
            return objects;
        }
        if (type == List.class && value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            list.forEach(element -> texts.add(String.valueOf(element)));
            return texts;
        }
        if (value instanceof Map<?, ?> map && !type.isPrimitive() && type != String.class) {
            return bind(type, map);
        }
        throw new IllegalArgumentException("cannot bind '" + value + "' to " + generic.getTypeName());
    }
}
