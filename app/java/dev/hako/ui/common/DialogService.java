package dev.hako.ui.common;

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
 * How screens talk to the user in a window of their own: always owned by the main
 * window, in its theme and its language. View models get one injected, so a test
 * answers in its place. UI thread only.
 */
public interface DialogService {

    /** The language the dialogs speak. */
    I18n i18n();

    /** The window dialogs are owned by (may be null before the window shows). */
    Window owner();

    /**
     * A failure: {@code headline} is a finished sentence in the user's language that says
     * what could not be done and to what ("Could not rename web"), shown as it is; below it
     * the server's words and a hint.
     */
    void showError(String headline, Throwable failure);

    /**
     * Several failures of one bulk action: {@code headline} is a finished sentence that
     * counts them ("Could not start 2 of 5 instances"), shown as it is; below it each
     * object's name with what went wrong for it.
     */
    void showErrors(String headline, Map<String, String> failureByName);

    /** Something that needs no decision; returns when the user has read it. */
    void inform(String header, String text);

    /** A yes/no question; true when confirmed. */
    default boolean confirm(String header, String text) {
        return confirm(header, text, null);
    }

    /** A yes/no question showing the equivalent {@code command} line (copyable) when it is not null. */
    boolean confirm(String header, String text, String command);

    /**
     * Asks for a name, checked as it is typed: {@code problemOf} returns the rule it
     * breaks (in the user's language) or null; OK stays disabled while there is one.
     * {@code extra} controls take part in the check.
     */
    default Optional<String> askName(String title, String prompt, String initial, Function<String, String> problemOf,
                                     Node... extra) {
        return askName(title, prompt, initial, problemOf, null, extra);
    }

    /**
     * As above, showing under the field the equivalent command line for the name typed,
     * {@code commandOf(name)}, kept current as the name and the extra controls change.
     */
    Optional<String> askName(String title, String prompt, String initial, Function<String, String> problemOf,
                             Function<String, String> commandOf, Node... extra);

    /** A destructive action confirmed by typing {@code expected} (a name, or a count). */
    default boolean confirmByName(String header, String details, String expected, Node... extra) {
        return confirmByName(header, details, expected, null, extra);
    }

    /** As above, showing the equivalent {@code command} line (copyable) when it is not null. */
    boolean confirmByName(String header, String details, String expected, String command, Node... extra);

    /**
     * A form: the caller's controls with the given buttons (OK and Cancel when none are
     * given); buttons that close with an OK-like result stay disabled while {@code invalid}
     * is true. Waits, and returns the button pressed (empty when closed otherwise).
     */
    Optional<ButtonType> showForm(String title, String header, Node content, ObservableBooleanValue invalid,
                                  ButtonType... buttons);

    /** A dialog built in ui.common (wizards): owned, themed and its buttons labelled, then shown and waited for. */
    <R> Optional<R> showAndWait(Dialog<R> dialog);

    /** The same without waiting (wizards, progress). */
    void show(Dialog<?> dialog);

    /** A window of its own (a transfer, an editor): owned, themed, not yet shown. */
    Stage window(String title, Parent content);
}
