package io.jenkins.plugins.genesis;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads the user-facing strings of the plugin. Each package keeps its strings in its own
 * {@code Messages.properties} and lists the keys in a package-level {@code Messages} enum whose
 * constant names are the property keys; this class is the only reader of those files.
 *
 * <p>Jenkins plugins usually generate their {@code Messages} classes with the localizer Maven
 * plugin; that plugin and its runtime are not available to the build that compiles against the API
 * surface, so both builds use this plain {@link ResourceBundle} reader instead and behave alike.
 * Patterns are always run through {@link MessageFormat}, as the generated classes do, so a literal
 * apostrophe is written twice in every message.
 */
public final class Localization {

    /* Only .properties files: a class named like the bundle (our Messages enums) must not be
     * mistaken for a ResourceBundle subclass. */
    private static final ResourceBundle.Control PROPERTIES_ONLY =
            ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Localization() {}

    /**
     * The message for {@code key}, formatted with {@code arguments}, from the
     * {@code Messages.properties} of the package that declares the key's enum.
     *
     * @throws java.util.MissingResourceException when the bundle or the key does not exist
     */
    public static String format(Enum<?> key, Object... arguments) {
        Class<?> owner = key.getDeclaringClass();
        ResourceBundle bundle = ResourceBundle.getBundle(
                owner.getPackageName() + ".Messages", Locale.getDefault(), owner.getClassLoader(), PROPERTIES_ONLY);
        return new MessageFormat(bundle.getString(key.name()), bundle.getLocale()).format(arguments);
    }
}
