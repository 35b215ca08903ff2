package dev.hako.ui.editor;

import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;

/**
 * The line above the editor that says what just happened: sentences of the editors
 * bundle with their arguments, rendered when shown so that it follows a language
 * switch. A failure argument is rendered through {@link FailureText} (the server's
 * words verbatim), a {@link Problem} through its own message.
 */
public record Banner(boolean error, List<Sentence> sentences) {

    /** One sentence: a bundle key and its arguments. */
    public record Sentence(String key, List<Object> arguments) {
    }

    public static Banner info(String key, Object... arguments) {
        return new Banner(false, List.of(new Sentence(key, List.of(arguments))));
    }

    public static Banner error(String key, Object... arguments) {
        return new Banner(true, List.of(new Sentence(key, List.of(arguments))));
    }

    /** This banner with one more sentence. */
    public Banner and(String key, Object... arguments) {
        List<Sentence> more = new ArrayList<>(sentences);
        more.add(new Sentence(key, List.of(arguments)));
        return new Banner(error, List.copyOf(more));
    }

    /** The bundle keys, in order (for tests and logs). */
    public List<String> keys() {
        return sentences.stream().map(Sentence::key).toList();
    }

    public String text(I18n i18n) {
        List<String> parts = new ArrayList<>();
        for (Sentence sentence : sentences) {
            Object[] rendered = sentence.arguments().stream().map(a -> render(i18n, a)).toArray();
            parts.add(i18n.format(sentence.key(), rendered));
        }
        return String.join(" ", parts);
    }

    private static Object render(I18n i18n, Object argument) {
        if (argument instanceof Throwable failure) {
            return FailureText.of(i18n, failure);
        }
        if (argument instanceof Problem problem) {
            return problem.message(i18n);
        }
        if (argument instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return argument;
    }
}
