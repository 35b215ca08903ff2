package dev.hako.ui.remotes;

import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.WizardDialog;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * "Add remote" on screen: the pages of {@link AddRemoteViewModel} in a
 * {@link WizardDialog}. Address → the server's certificate, reviewed → trust password or
 * token → Finish enrols over a connection pinned to the accepted certificate and saves;
 * the remote's tree appears. A refusal leaves the wizard open with all that was typed.
 */
public final class AddRemoteWizard {

    private final AddRemoteViewModel model;
    private final DialogService dialogs;

    public AddRemoteWizard(AddRemoteViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    public void show() {
        I18n i18n = model.i18n();
        WizardDialog wizard = new WizardDialog(dialogs.owner(), i18n, i18n.get("remotes.add.title"));
        page(wizard, AddRemoteViewModel.Page.ADDRESS, "remotes.page.address", new AddressPage(model).node());
        page(wizard, AddRemoteViewModel.Page.CERTIFICATE, "remotes.page.certificate",
                new CertificatePage(model).node());
        page(wizard, AddRemoteViewModel.Page.TRUST, "remotes.page.trust", new TrustPage(model).node());
        page(wizard, AddRemoteViewModel.Page.CONNECT, "remotes.page.connect", new ConnectPage(model).node());
        wizard.size(680, 560).onFinish(w -> model.finish(w::close, w::failed));
        // Background work and a language switch change what the pages say is wrong.
        model.revisionProperty().addListener((o, a, b) -> wizard.revalidate());
        model.trust().trustProperty().addListener((o, a, b) -> wizard.revalidate());
        model.trust().identityProperty().addListener((o, a, b) -> wizard.revalidate());
        InvalidationListener relabel = o -> wizard.revalidate();
        i18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
        wizard.show();
        Window window = wizard.window();
        window.getProperties().put(InvalidationListener.class, relabel); // lives as long as the wizard's window
        window.getScene().getRoot().setId("addRemoteWizard");
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.close());
    }

    private void page(WizardDialog wizard, AddRemoteViewModel.Page page, String titleKey, Node content) {
        // A page longer than the window (a pasted token adds the certificate check) scrolls, never cuts text.
        javafx.scene.control.ScrollPane scroller = new javafx.scene.control.ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("edge-to-edge");
        scroller.setId("scroll-" + page.name().toLowerCase(java.util.Locale.ROOT));
        wizard.page(model.i18n().get(titleKey), scroller, () -> model.problem(page), () -> model.enter(page));
    }
}
