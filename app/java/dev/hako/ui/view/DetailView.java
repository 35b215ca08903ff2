package dev.hako.ui.view;

import dev.hako.ui.common.I18n;
import dev.hako.ui.editor.ConfigEditor;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The read-only view of one object: its facts, and for objects with configuration a tab
 * with the configuration editor (and any further tab, such as a volume's backups).
 *
 * <p>A language switch relabels it in place: the facts are drawn again from the view
 * model (no new request), their scroll position kept; the tab pane, the selected tab, the
 * editor with its draft and the other tabs stay the very same objects.
 */
final class DetailView {

    private final DetailViewModel model;
    private final I18n i18n;
    private final StackPane overview = new StackPane();
    private final ScrollPane facts = new ScrollPane();
    private final Node root;
    private Tab overviewTab;
    private Tab configurationTab;
    /** A server's dashboard, the first tab before its facts; null for other objects. */
    private Tab dashboardTab;
    /** Held by the view, which its node holds: it lives exactly as long as the view is shown somewhere. */
    private final ChangeListener<Locale> relabel = (language, was, now) -> relabel();

    /**
     * @param editor the object's configuration editor, made (or found again) when its tab opens; null for none
     * @param draft  whether that editor holds unsaved changes: then its tab opens at once
     * @param extra  one more tab (a volume's backups), or null
     */
    DetailView(DetailViewModel model, Supplier<ConfigEditor> editor, boolean draft, Tab extra) {
        this(model, editor, draft, extra, null);
    }

    /**
     * @param dashboard a server's dashboard, shown first; its facts are then read only when
     *                  their tab is first opened
     */
    DetailView(DetailViewModel model, Supplier<ConfigEditor> editor, boolean draft, Tab extra, Node dashboard) {
        this.model = model;
        this.i18n = model.i18n();
        facts.setFitToWidth(true);
        if (dashboard != null) {
            dashboardTab = new Tab(null, dashboard);
            dashboardTab.setId("dashboardTab");
        }
        root = editor == null ? overview : tabs(editor, draft, extra);
        root.getProperties().put(DetailView.class, this);
        InvalidationListener redraw = changed -> draw();
        model.loadingProperty().addListener(redraw);
        model.detailsProperty().addListener(redraw);
        model.failureProperty().addListener(redraw);
        model.resourcesProperty().addListener(redraw);
        model.resourcesFailureProperty().addListener(redraw);
        model.uninitialisedProperty().addListener(redraw);
        i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
        draw();
        if (dashboardTab == null || overviewTab.isSelected()) {
            model.load();
        } else {
            overviewTab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was,
                                    Boolean selected) {
                    if (selected) {
                        overviewTab.selectedProperty().removeListener(this);
                        model.load();
                    }
                }
            });
        }
    }

    Node node() {
        return root;
    }

    private TabPane tabs(Supplier<ConfigEditor> editor, boolean draft, Tab extra) {
        TabPane tabs = new TabPane();
        tabs.setId("objectTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        overviewTab = new Tab(null, overview);
        configurationTab = new Tab();
        configurationTab.setId("configurationTab");
        Runnable open = () -> {
            if (configurationTab.getContent() == null) {
                ConfigEditor opened = editor.get();
                opened.refreshIfClean();
                configurationTab.setContent(opened.node());
            }
        };
        configurationTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                open.run();
            }
        });
        tabs.getTabs().setAll(overviewTab, configurationTab);
        if (dashboardTab != null) {
            overviewTab.setId("factsTab");
            tabs.getTabs().add(0, dashboardTab);
            tabs.getSelectionModel().select(dashboardTab);
        }
        if (extra != null) {
            tabs.getTabs().add(extra);
        }
        labelTabs();
        if (draft) {
            // Come back to the unsaved draft.
            tabs.getSelectionModel().select(configurationTab);
            open.run();
        }
        return tabs;
    }

    private void labelTabs() {
        if (dashboardTab != null) {
            dashboardTab.setText(i18n.get("dashboard.tab.overview"));
            overviewTab.setText(i18n.get("dashboard.tab.details"));
            configurationTab.setText(i18n.get("view.tab.configuration"));
        } else if (overviewTab != null) {
            overviewTab.setText(i18n.get("instance.tab.overview"));
            configurationTab.setText(i18n.get("view.tab.configuration"));
        }
    }

    private void relabel() {
        labelTabs();
        draw();
    }

    /** Shows the facts as far as they are known: the server part offline, loading, failed or read. */
    private void draw() {
        if (model.offline()) {
            overview.getChildren().setAll(new Label(model.offlineText()));
        } else if (model.readsServer() && model.detailsProperty().get() == null) {
            Exception failed = model.failureProperty().get();
            overview.getChildren().setAll(failed == null ? new ProgressIndicator()
                    : new Label(model.loadFailedText(failed)));
        } else {
            double position = facts.getVvalue();
            facts.setContent(new DetailFacts(model).draw());
            facts.setVvalue(position);
            if (overview.getChildren().size() != 1 || overview.getChildren().get(0) != facts) {
                overview.getChildren().setAll(facts);
            }
        }
    }
}
