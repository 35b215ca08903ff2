package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.hako.ui.common.I18n;
import org.junit.jupiter.api.Test;

/** Every string the UI asks for exists in English and in Japanese, and the two bundles match. */
class MessageBundlesTest {

    private static final Pattern KEY_USE = Pattern.compile("i18n\\.(?:get|format)\\(\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** Japanese texts that leave an argument out on purpose: a parser's English words. */
    private static final Set<String> ARGUMENT_LEFT_OUT = Set.of("newinstance.problem.userData");

    private static Properties loadIfPresent(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/dev/hako/i18n/" + name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws IOException {
        Set<String> seen = new HashSet<>();
        for (String bundle : I18n.BUNDLES) {
            Properties en = loadIfPresent(bundle + ".properties");
            Properties ja = loadIfPresent(bundle + "_ja.properties");
            assertThat(ja.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(
                    en.stringPropertyNames());
            for (String key : ja.stringPropertyNames()) {
                assertThat(ja.getProperty(key)).as(key).isNotBlank();
                assertThat(seen.add(key)).as("key " + key + " is defined in two bundles").isTrue();
            }
        }
        assertThat(seen).isNotEmpty();
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** A sentence that names an object or counts says so in both languages, with the same arguments. */
    @Test
    void bothLanguagesFormatTheSameArguments() throws IOException {
        for (String bundle : I18n.BUNDLES) {
            Properties en = loadIfPresent(bundle + ".properties");
            Properties ja = loadIfPresent(bundle + "_ja.properties");
            for (String key : en.stringPropertyNames()) {
                Set<String> expected = arguments(en.getProperty(key));
                if (expected.isEmpty()) {
                    continue;
                }
                // A malformed pattern (a choice without its limits, say) throws here.
                new MessageFormat(en.getProperty(key), Locale.ENGLISH);
                new MessageFormat(ja.getProperty(key, ""), Locale.JAPANESE);
                if (!ARGUMENT_LEFT_OUT.contains(key)) {
                    assertThat(arguments(ja.getProperty(key, ""))).as(key).isEqualTo(expected);
                }
            }
        }
    }

    private static Properties allEnglish() throws IOException {
        Properties all = new Properties();
        for (String bundle : I18n.BUNDLES) {
            all.putAll(loadIfPresent(bundle + ".properties"));
        }
        return all;
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Properties en = allEnglish();
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("app/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(en.stringPropertyNames()).containsAll(used);
    }
}
