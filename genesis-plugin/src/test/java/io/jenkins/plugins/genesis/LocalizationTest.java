package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.localizer.LocaleProvider;

/**
 * Messages follow the locale Jenkins' {@link LocaleProvider} answers (the request's, in Jenkins),
 * not the server's default. The bundles are test resources beside the {@code Greeting} enum.
 */
class LocalizationTest {

    private LocaleProvider previous;
    private Locale previousDefault;

    @BeforeEach
    void rememberTheProvider() {
        previous = LocaleProvider.getProvider();
        previousDefault = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restoreTheProvider() {
        LocaleProvider.setProvider(previous);
        Locale.setDefault(previousDefault);
    }

    @Test
    void shouldSpeakTheLanguageOfTheRequestRatherThanTheServers() {
        // given: the server runs in English, the person asking reads German
        LocaleProvider.setProvider(new FixedLocale(Locale.GERMANY));

        // when
        String text = Localization.format(Greeting.WELCOME, "Ada");

        // then
        assertThat(text).isEqualTo("Willkommen, Ada");
    }

    @Test
    void shouldFallBackToTheDefaultBundleForALanguageWithoutTranslation() {
        // given
        LocaleProvider.setProvider(new FixedLocale(Locale.JAPANESE));

        // then
        assertThat(Localization.format(Greeting.WELCOME, "Ada")).isEqualTo("Welcome, Ada");
    }

    @Test
    void shouldResolveAKeptTextWhenItIsRead() {
        // given: made while nobody in particular asks
        LocaleProvider.setProvider(new FixedLocale(Locale.ENGLISH));
        var kept = Localization.localizable(Greeting.WELCOME, "Ada");

        // when: read later, for a German reader
        LocaleProvider.setProvider(new FixedLocale(Locale.GERMAN));

        // then
        assertThat(kept.toString()).isEqualTo("Willkommen, Ada");
        assertThat(kept.toString(Locale.ENGLISH)).isEqualTo("Welcome, Ada");
    }

    enum Greeting {
        WELCOME
    }

    private static final class FixedLocale extends LocaleProvider {
        private final Locale locale;

        FixedLocale(Locale locale) {
            this.locale = locale;
        }

        @Override
        public Locale get() {
            return locale;
        }
    }
}
