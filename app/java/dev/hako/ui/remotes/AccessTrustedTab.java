package dev.hako.ui.remotes;

import dev.hako.lxd.api.Certificate;
import dev.hako.ui.common.I18n;
import java.util.List;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The certificates the server trusts, the one Hako uses marked; removing one asks first. */
final class AccessTrustedTab {

    private final VBox root;

    AccessTrustedTab(RemoteAccessViewModel model) {
        I18n i18n = model.i18n();
        TableView<Certificate> trusted = new TableView<>(model.trusted());
        trusted.setId("trustedCertificates");
        trusted.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        trusted.setPlaceholder(RemoteDialogs.value(Texts.key(i18n, "remotes.access.noTrusted")));
        trusted.getColumns().add(column(i18n, "remotes.access.certName", model::trustedName, 200));
        trusted.getColumns().add(column(i18n, "remotes.access.certType", Certificate::type, 80));
        trusted.getColumns().add(column(i18n, "remotes.access.certRestricted", c -> c.restricted()
                ? String.join(", ", c.projects() == null ? List.of() : c.projects()) : "-", 120));
        trusted.getColumns().add(column(i18n, "remotes.cert.fingerprint", Certificate::fingerprint, 300));
        Button remove = RemoteDialogs.button(i18n, "remotes.access.removeCertificate", "removeCertificate");
        remove.disableProperty().bind(trusted.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Certificate chosen = trusted.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.removeCertificate(chosen);
            }
        });
        root = new VBox(8, trusted, remove);
        VBox.setVgrow(trusted, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        InvalidationListener relabel = o -> trusted.refresh();
        i18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
        root.getProperties().put(InvalidationListener.class, relabel); // as long as the tab lives
    }

    private static <T> TableColumn<T, String> column(I18n i18n, String key, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>();
        column.textProperty().bind(Texts.key(i18n, key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    Node node() {
        return root;
    }
}
