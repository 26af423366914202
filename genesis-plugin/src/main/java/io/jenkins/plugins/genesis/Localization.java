package io.jenkins.plugins.genesis;

import org.jvnet.localizer.LocaleProvider;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Reads the user-facing strings of the plugin. Each package keeps its strings in its own
 * {@code Messages.properties} and lists the keys in a package-level {@code Messages} enum whose
 * constant names are the property keys; this class is the only reader of those files.
 *
 * <p>It reads them exactly as the {@code Messages} classes that Jenkins' localizer Maven plugin
 * generates do: through the localizer's {@link ResourceBundleHolder} for the enum's class, in the
 * locale {@link LocaleProvider} names. Jenkins installs a provider that answers the locale of the
 * HTTP request being served (the user's browser language), and the server's default outside a
 * request; so a form check speaks the user's language, not the server's. Generation itself stays
 * off (docs/building.md): the build that compiles against the API surface has no localizer
 * plugin, and both builds must use the same classes. Patterns go through {@code MessageFormat}, so
 * a literal apostrophe is written twice in every message.
 */
public final class Localization {

    private Localization() {}

    /**
     * The message for {@code key}, formatted with {@code arguments}, from the
     * {@code Messages.properties} of the package that declares the key's enum, in the current
     * locale ({@link LocaleProvider#getLocale()}).
     *
     * @throws java.util.MissingResourceException when the bundle or the key does not exist
     */
    public static String format(Enum<?> key, Object... arguments) {
        return holder(key).format(key.name(), arguments);
    }

    /**
     * The message for {@code key}, resolved in the locale of whoever reads it later: what Jenkins
     * wants for texts it keeps, such as a permission's title.
     */
    public static Localizable localizable(Enum<?> key, Object... arguments) {
        return new Localizable(holder(key), key.name(), arguments);
    }

    private static ResourceBundleHolder holder(Enum<?> key) {
        return ResourceBundleHolder.get(key.getDeclaringClass());
    }
}
