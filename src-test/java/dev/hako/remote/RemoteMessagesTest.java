package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Explained;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The failures of the remote layer reach the user through the bundles: every key they
 * name exists in English and in Japanese, and an explained failure renders without a
 * stray placeholder or its English message.
 */
class RemoteMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"(remotes\\.[a-zA-Z0-9_.]+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RemoteMessagesTest.class.getResourceAsStream("/dev/hako/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyTheRemoteLayerNamesIsInBothLanguages() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("app/java/dev/hako/remote"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.remove(RemotesFile.FILE_NAME);
        assertThat(used).contains("remotes.problem.notHttps", "remotes.problem.tokenEmpty",
                "remotes.problem.tokenForAnotherServer");
        for (EnrolmentException.Reason reason : EnrolmentException.Reason.values()) {
            used.add(new EnrolmentException(reason, "x").messageKey());
        }
        assertThat(bundle("remotes.properties").stringPropertyNames()).containsAll(used);
        assertThat(bundle("remotes_ja.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void aRefusedAddressReadsAsJapanese() throws IOException {
        Properties ja = bundle("remotes_ja.properties");
        Explained refused = catchExplained(() -> RemoteAddress.parse("http://lab"));
        String text = new MessageFormat(ja.getProperty(refused.messageKey()), Locale.JAPANESE)
                .format(refused.messageArguments().toArray());
        assertThat(text).isEqualTo("追加できるのは https:// のアドレスだけです (http://lab)。");
        Explained port = catchExplained(() -> RemoteAddress.parse("lab:70000"));
        assertThat(new MessageFormat(bundle("remotes.properties").getProperty(port.messageKey()), Locale.ENGLISH)
                .format(port.messageArguments().toArray())).isEqualTo("Port 70000 is not between 1 and 65535.");
    }

    private static Explained catchExplained(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(Explained.class);
            return (Explained) e;
        }
        throw new AssertionError("no failure");
    }
}
