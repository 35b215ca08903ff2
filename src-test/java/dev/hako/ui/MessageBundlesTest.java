package dev.hako.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.hako.ui.common.I18n;
import org.junit.jupiter.api.Test;

/** Every string the UI asks for exists in English and in Japanese, and the two bundles match. */
class MessageBundlesTest {

    private static final Pattern KEY_USE = Pattern.compile("i18n\\.(?:get|format)\\(\"([a-zA-Z0-9_.]+)\"");

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
