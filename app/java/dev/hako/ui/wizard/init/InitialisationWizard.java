package dev.hako.ui.wizard.init;

import dev.hako.model.RemoteModel;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.FxTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.WizardDialog;
import dev.hako.ui.wizard.init.InitialisationViewModel.Page;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The GUI's {@code lxd init}: clustering, storage pool, network bridge, network access and
 * image updates, each a page; then the preseed those answers make, as YAML that can be edited,
 * imported and exported; then the steps, applied in lxd init's order with each one's result and
 * everything undone when one is refused. The pages are views of one
 * {@link InitialisationViewModel}; this class opens them as a wizard.
 */
public final class InitialisationWizard {

    private final Window owner;
    /** The wizard's own window, once it shows (it stays a valid object, not showing, after it closes). */
    private Window wizardWindow;

    private InitialisationWizard(Window owner) {
        this.owner = owner;
    }

    /** Reads what the server is and has, then opens the wizard over {@code owner}. */
    public static void open(Window owner, I18n i18n, RemoteModel remote) {
        InitialisationWizard view = new InitialisationWizard(owner);
        DialogService dialogs = new FxDialogService(view::dialogOwner, i18n);
        InitialisationStart.load(FxTaskExecutor.get(), dialogs, i18n, remote, vm -> view.show(vm, i18n,
                remote.name()));
    }

    /** Messages belong to the wizard while it shows, to the main window before and after. */
    private Window dialogOwner() {
        return wizardWindow != null && wizardWindow.isShowing() ? wizardWindow : owner;
    }

    private void show(InitialisationViewModel vm, I18n i18n, String remoteName) {
        WizardDialog wizard = new WizardDialog(owner, i18n, i18n.format("init.titleOn", remoteName));
        for (Page page : vm.pages()) {
            wizard.page(vm.title(page), content(page, vm, i18n), () -> vm.problem(page).get(), () -> vm.shown(page));
            // What the page's controls do not show (a plan read, a file imported) re-checks it too.
            vm.problem(page).addListener((o, before, now) -> wizard.revalidate());
        }
        wizard.onFinish(dialog -> vm.finish(dialog::close, dialog::failed)).show();
        wizardWindow = wizard.window();
    }

    private Node content(Page page, InitialisationViewModel vm, I18n i18n) {
        Node content = switch (page) {
            case CLUSTER -> ClusterPage.build(vm, i18n);
            case STORAGE -> StoragePage.build(vm, i18n);
            case NETWORK -> NetworkPage.build(vm, i18n);
            case ACCESS -> AccessPage.build(vm, i18n);
            case IMAGES -> ImagesPage.build(vm, i18n);
            case PRESEED -> PreseedPage.build(vm, i18n, this::dialogOwner);
            case APPLY -> ApplyPage.build(vm, i18n);
        };
        if (!page.unusedWhenJoining()) {
            return content;
        }
        // Its controls stay as they were (disabled) while joining; this says why.
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(10, PageParts.noteWhile(i18n.get("init.joiningSkips"), vm.joining()), content);
    }
}
