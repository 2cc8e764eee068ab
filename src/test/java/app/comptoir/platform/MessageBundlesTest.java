package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The message bundles as the application configures them ({@code spring.messages.*} in application.yml):
 * the shared bundle and one per module, each in French (the default) and English, every key in both
 * languages, none in two bundles, and every key resolvable through the configured message source.
 */
class MessageBundlesTest {

    private static final Properties SETTINGS = settings();
    private static final List<String> BASENAMES = Arrays.stream(SETTINGS.getProperty("spring.messages.basename")
            .split(",")).map(String::strip).toList();

    @Test
    void theSharedBundleComesFirstAndEveryModuleHasItsOwn() {
        assertThat(BASENAMES).first().isEqualTo("messages");
        assertThat(BASENAMES).contains("identity/messages", "catalog/messages", "inventory/messages",
                "sales/messages", "reporting/messages");
    }

    @Test
    void everyKeyOfABundleIsInBothLanguages() {
        for (String basename : BASENAMES) {
            Set<String> french = load(basename + ".properties").stringPropertyNames();
            Set<String> english = load(basename + "_en.properties").stringPropertyNames();

            assertThat(french).as("keys of %s", basename).isNotEmpty();
            assertThat(missing(french, english)).as("keys of %s missing in English", basename).isEmpty();
            assertThat(missing(english, french)).as("keys of %s missing in French", basename).isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() {
        Map<String, String> owner = new HashMap<>();
        Set<String> twice = new TreeSet<>();
        for (String basename : BASENAMES) {
            for (String key : load(basename + ".properties").stringPropertyNames()) {
                String other = owner.putIfAbsent(key, basename);
                if (other != null) {
                    twice.add(key + " (" + other + ", " + basename + ")");
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    // Without arguments a message is not run through MessageFormat, so it reads as written in the file.
    @Test
    void everyKeyResolvesInFrenchAndEnglish() {
        ResourceBundleMessageSource source = messageSource();
        for (String basename : BASENAMES) {
            Properties french = load(basename + ".properties");
            Properties english = load(basename + "_en.properties");
            for (String key : french.stringPropertyNames()) {
                assertThat(source.getMessage(key, null, Locale.FRENCH)).as(key).isEqualTo(french.getProperty(key));
                assertThat(source.getMessage(key, null, Locale.ENGLISH)).as(key).isEqualTo(english.getProperty(key));
            }
        }
    }

    @Test
    void anotherLanguageGetsFrenchWhateverTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            ResourceBundleMessageSource source = messageSource();

            assertThat(source.getMessage("common.save", null, Locale.GERMAN)).isEqualTo("Enregistrer");
            assertThat(source.getMessage("common.save", null, Locale.UK)).isEqualTo("Save");
            assertThat(source.getMessage("login.title", null, Locale.GERMAN)).isEqualTo("Connexion");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Configured as Spring Boot configures it from {@code spring.messages.*}. */
    private static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BASENAMES.toArray(String[]::new));
        source.setDefaultEncoding(SETTINGS.getProperty("spring.messages.encoding"));
        source.setFallbackToSystemLocale(Boolean.parseBoolean(SETTINGS.getProperty("spring.messages.fallback-to-system-locale")));
        return source;
    }

    private static Set<String> missing(Set<String> keys, Set<String> in) {
        Set<String> result = new TreeSet<>(keys);
        result.removeAll(in);
        return result;
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("No bundle " + path, e);
        }
        return properties;
    }

    private static Properties settings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}
