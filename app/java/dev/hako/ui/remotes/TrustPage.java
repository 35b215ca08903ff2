package dev.hako.ui.remotes;

import dev.hako.lxd.ServerKind;
import dev.hako.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** How to ask the server for trust: which client certificate, and a trust password, a token, or nothing. */
final class TrustPage {

    private final VBox root;

    TrustPage(AddRemoteViewModel model) {
        I18n i18n = model.i18n();
        TrustChoiceViewModel choices = model.trust();
        Label server = RemoteDialogs.value(Texts.of(i18n, model::trustServerText, choices.kindProperty(),
                model.certificateProperty()));
        ComboBox<TrustChoiceViewModel.IdentityChoice> identity = new ComboBox<>(choices.identities());
        identity.setId("clientCertificate");
        identity.setMaxWidth(Double.MAX_VALUE);
        identity.valueProperty().bindBidirectional(choices.identityProperty());
        // A new converter on each language switch makes the combo box render its choices again.
        identity.converterProperty().bind(Bindings.createObjectBinding(() -> converter(choices), i18n.localeProperty()));
        GridPane grid = RemoteDialogs.grid();
        RemoteDialogs.fact(grid, Texts.key(i18n, "remotes.trust.identity"), identity);

        RadioButton password = choice(choices, TrustChoiceViewModel.Trust.PASSWORD, "usePassword", "remotes.trust.password");
        RadioButton token = choice(choices, TrustChoiceViewModel.Trust.TOKEN, "useToken", "remotes.trust.token");
        RadioButton none = choice(choices, TrustChoiceViewModel.Trust.NONE, "useNone", "remotes.trust.none");
        ToggleGroup group = new ToggleGroup();
        for (RadioButton button : new RadioButton[] {password, token, none}) {
            button.setToggleGroup(group);
        }
        PasswordField passwordField = new PasswordField();
        passwordField.setId("trustPassword");
        passwordField.textProperty().bindBidirectional(choices.passwordProperty());
        passwordField.disableProperty().bind(password.selectedProperty().not());
        TextArea tokenField = new TextArea();
        tokenField.setId("trustToken");
        tokenField.setWrapText(true);
        tokenField.setPrefRowCount(3);
        tokenField.promptTextProperty().bind(Texts.key(i18n, "remotes.trust.tokenPrompt"));
        tokenField.textProperty().bindBidirectional(choices.tokenProperty());
        tokenField.disableProperty().bind(token.selectedProperty().not());
        BooleanBinding incus = choices.kindProperty().isEqualTo(ServerKind.INCUS);
        Label tokenHint = RemoteDialogs.value(Texts.of(i18n, () -> i18n.get(incus.get()
                ? "remotes.trust.tokenHintIncus" : "remotes.trust.tokenHintLxd"), incus));
        tokenHint.getStyleClass().add("text-muted");
        // Incus has no trust password: the choice is not offered there.
        for (Node passwordOnly : new Node[] {password, passwordField}) {
            passwordOnly.visibleProperty().bind(incus.not());
            passwordOnly.managedProperty().bind(incus.not());
        }
        VBox credentials = new VBox(8, password, passwordField, token, tokenField, tokenHint, none);
        for (Node indented : new Node[] {passwordField, tokenField, tokenHint}) {
            VBox.setMargin(indented, new Insets(0, 0, 0, 26));
        }
        root = RemoteDialogs.serversOnly(i18n, model.imageServerProperty(), "remotes.trust.imagesNote",
                new VBox(12, server, grid, credentials));
        root.setId("page-trust");
    }

    private static RadioButton choice(TrustChoiceViewModel model, TrustChoiceViewModel.Trust trust, String id,
                                      String key) {
        RadioButton button = new RadioButton();
        button.setId(id);
        button.setWrapText(true);
        button.setMnemonicParsing(false); // "core.trust_password" keeps its underscore
        button.textProperty().bind(Texts.key(model.i18n(), key));
        button.setSelected(model.trustProperty().get() == trust);
        button.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.trustProperty().set(trust);
            }
        });
        model.trustProperty().addListener((o, was, now) -> button.setSelected(now == trust));
        return button;
    }

    private static StringConverter<TrustChoiceViewModel.IdentityChoice> converter(TrustChoiceViewModel model) {
        return new StringConverter<>() {
            @Override
            public String toString(TrustChoiceViewModel.IdentityChoice choice) {
                return model.identityText(choice);
            }

            @Override
            public TrustChoiceViewModel.IdentityChoice fromString(String text) {
                return null;
            }
        };
    }

    Node node() {
        return root;
    }
}
