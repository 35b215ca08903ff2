package dev.hako.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.ProfilePut;
import dev.hako.model.config.EditDocument;
import dev.hako.model.config.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds generated YAML through the editor's parse-and-validate path (the one the
 * Save button runs before anything is sent): no exception escapes, and invalid
 * input never yields a document — so nothing can be sent for it. The path is pure
 * (no client is reachable from it), which {@code ConfigEditorUiTest} also checks
 * by counting requests.
 */
class YamlFuzzTest {

    private static final String[] FRAGMENTS = {"config:", "devices:", "description:", "profiles:", "name:",
        "  limits.cpu: ", "  limits.memory: ", "  security.nesting: ", "  user.x: ", "  root:", "    type: disk",
        "    path: /", "    pool: default", "- ", "[", "]", "{", "}", ":", "\"", "'", "&a", "*a", "!!binary",
        "!!map", "? ", "|", ">", "#", "\t", "  ", "\n", "---", "...", "%YAML 1.2", "true", "2", "512MiB", "lots",
        "ünïcödé", "\u0000", "\uFFFF", "50%", "-1", "~", "null", "0x1F", "1e999", ",", "@", "`"};

    @Test
    void tenThousandGeneratedDocumentsNeverEscapeAsExceptions() {
        ConfigCatalog catalog = ConfigCatalog.shipped();
        Random random = new Random(20261125L);
        String valid = YamlCodec.toYaml(EditDocument.of(ObjectKind.PROFILE, new ProfilePut(
                Map.of("limits.cpu", "2", "limits.memory", "1GiB", "security.nesting", "true", "user.note", "hi"),
                "fuzz", Map.of("root", Map.of("type", "disk", "path", "/", "pool", "default")))));
        int accepted = 0;
        int refused = 0;
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String text = switch (i % 4) {
                case 0 -> mutate(valid, random);
                case 1 -> assemble(random);
                case 2 -> randomChars(random);
                default -> deepOrWide(random);
            };
            ObjectKind kind = ObjectKind.values()[random.nextInt(ObjectKind.values().length)];
            YamlCodec.Result result = YamlCodec.parse(kind, text, catalog);
            assertThat(result).isNotNull();
            if (result.ok()) {
                accepted++;
                assertThat(result.problems()).isEmpty();
                // whatever is accepted is a well-formed document that round-trips
                YamlCodec.Result again = YamlCodec.parse(kind, YamlCodec.toYaml(result.document()), catalog);
                assertThat(again.problems()).as(text).isEmpty();
                assertThat(again.document()).isEqualTo(result.document());
            } else {
                refused++;
                assertThat(result.document()).isNull();
                assertThat(result.problems()).isNotEmpty();
                if (samples.size() < 3) {
                    samples.add(result.problems().get(0).messageKey());
                }
            }
        }
        System.out.printf("YAML fuzz: %d accepted, %d refused with a message (e.g. %s)%n", accepted, refused,
                samples);
        assertThat(accepted + refused).isEqualTo(10_000);
        assertThat(refused).isGreaterThan(1000);
        assertThat(accepted).isGreaterThan(10);
    }

    private static String mutate(String valid, Random random) {
        StringBuilder b = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
            }
        }
        return b.toString();
    }

    private static String assemble(Random random) {
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(30);
        for (int p = 0; p < parts; p++) {
            b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextInt(3) == 0) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String randomChars(Random random) {
        int n = random.nextInt(200);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
        }
        return b.toString();
    }

    private static String deepOrWide(Random random) {
        int depth = 1 + random.nextInt(120);
        StringBuilder b = new StringBuilder();
        switch (random.nextInt(3)) {
            case 0 -> {
                b.append("config: ");
                b.append("[".repeat(depth)).append("]".repeat(random.nextInt(depth + 1)));
            }
            case 1 -> {
                // alias expansion ("billion laughs")
                b.append("a: &a [x, x, x, x, x, x, x, x, x]\n");
                for (int i = 0; i < 1 + random.nextInt(30); i++) {
                    b.append((char) ('b' + i % 20)).append(i).append(": &").append((char) ('b' + i % 20)).append(i)
                            .append(" [*a, *a, *a, *a, *a, *a, *a, *a]\n");
                }
            }
            default -> {
                b.append("config:\n");
                for (int i = 0; i < depth * 10; i++) {
                    b.append("  user.k").append(i).append(": v").append(random.nextInt()).append('\n');
                }
                b.append("description: wide\n");
            }
        }
        return b.toString();
    }
}
