package dev.hako.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A dialog service for view-model tests: it records what the screen said and answers
 * questions from a script, without a toolkit. An unscripted question fails the test.
 */
public final class ScriptedDialogService implements DialogService {

    /** One thing the screen showed the user; for an error, {@code header} is its headline, shown as given. */
    public record Shown(String kind, String header, String text, Throwable failure) {
    }

    private final I18n i18n;
    private final List<Shown> shown = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> commands = new ArrayList<>();

    public ScriptedDialogService(I18n i18n) {
        this.i18n = i18n;
    }

    /** Queues the answer to the next question (Boolean for confirm, String or Optional for a name). */
    public ScriptedDialogService answer(Object answer) {
        answers.add(answer);
        return this;
    }

    public List<Shown> shown() {
        return List.copyOf(shown);
    }

    /**
     * The equivalent command lines the questions showed, in order (null for a question without
     * one); for a name, the line for the name answered.
     */
    public List<String> commands() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(commands));
    }

    /** The headlines of the failures shown ({@link #showError} and {@link #showErrors}), in order. */
    public List<String> headlines() {
        return shown.stream().filter(s -> s.kind().equals("error") || s.kind().equals("errors"))
                .map(Shown::header).toList();
    }

    /** The failures shown with {@link #showError}, in order. */
    public List<Throwable> errors() {
        return shown.stream().filter(s -> s.kind().equals("error")).map(Shown::failure).toList();
    }

    private Object next(String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.poll();
    }

    @Override
    public I18n i18n() {
        return i18n;
    }

    @Override
    public Window owner() {
        return null;
    }

    @Override
    public void showError(String headline, Throwable failure) {
        shown.add(new Shown("error", headline, FailureText.of(i18n, failure), failure));
    }

    @Override
    public void showErrors(String headline, Map<String, String> failureByName) {
        shown.add(new Shown("errors", headline, failureByName.toString(), null));
    }

    @Override
    public void inform(String header, String text) {
        shown.add(new Shown("inform", header, text, null));
    }

    @Override
    public boolean confirm(String header, String text, String command) {
        shown.add(new Shown("confirm", header, text, null));
        commands.add(command);
        return (Boolean) next(header);
    }

    @Override
    public Optional<String> askName(String title, String prompt, String initial, Function<String, String> problemOf,
                                    Function<String, String> commandOf, Node... extra) {
        shown.add(new Shown("askName", prompt, initial, null));
        Object answer = next(prompt);
        if (answer instanceof Optional<?> optional) {
            return optional.map(String.class::cast);
        }
        String name = (String) answer;
        if (problemOf.apply(name) != null) {
            throw new AssertionError("the dialog would not accept " + name + ": " + problemOf.apply(name));
        }
        commands.add(commandOf == null ? null : commandOf.apply(name));
        return Optional.of(name);
    }

    @Override
    public boolean confirmByName(String header, String details, String expected, String command, Node... extra) {
        shown.add(new Shown("confirmByName", header, details, null));
        commands.add(command);
        return (Boolean) next(header);
    }

    /** Answers with the queued ButtonType (or Optional of one). */
    @Override
    public Optional<ButtonType> showForm(String title, String header, Node content, ObservableBooleanValue invalid,
                                         ButtonType... buttons) {
        shown.add(new Shown("form", header, title, null));
        Object answer = next(header);
        return answer instanceof Optional<?> optional ? optional.map(ButtonType.class::cast)
                : Optional.of((ButtonType) answer);
    }

    @Override
    public <R> Optional<R> showAndWait(Dialog<R> dialog) {
        throw new AssertionError("a view-model test cannot show a form: " + dialog.getClass().getName());
    }

    @Override
    public void show(Dialog<?> dialog) {
        throw new AssertionError("a view-model test cannot show a dialog: " + dialog.getClass().getName());
    }

    @Override
    public Stage window(String title, Parent content) {
        throw new AssertionError("a view-model test cannot open a window: " + title);
    }
}
