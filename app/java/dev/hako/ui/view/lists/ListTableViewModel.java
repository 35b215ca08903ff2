package dev.hako.ui.view.lists;

import dev.hako.model.list.ListColumn;
import dev.hako.model.list.TableExport;
import dev.hako.ui.common.BackgroundTask;
import dev.hako.ui.common.DialogService;
import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.TaskExecutor;
import dev.hako.ui.common.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * A list as a table, like {@code lxc … list}: rows given by whoever follows the server, the
 * columns the user chose (remembered per table), a filter, sorting by the table's columns,
 * and export in the formats of {@code -f}. Lives on the FX thread.
 *
 * @param <R> the kind of row
 */
public final class ListTableViewModel<R> {

    /**
     * What the filter box's text lets through, and why it cannot be read when it cannot
     * (the rows then go by {@code rows} still, which may be everything).
     */
    public record Filtered<R>(Predicate<R> rows, RuntimeException problem) {

        public static <R> Filtered<R> of(Predicate<R> rows) {
            return new Filtered<>(rows, null);
        }
    }

    /** The table's JSON and YAML documents of some rows (the server's objects, as lxc writes them). */
    public interface Documents<R> {
        String json(List<R> rows);

        String yaml(List<R> rows);
    }

    /**
     * What tells one table from another.
     *
     * @param table     the name its columns are saved under ("images")
     * @param columns   every column it has
     * @param defaults  the columns shown until the user chooses
     * @param filter    how the filter box is read
     * @param documents its JSON and YAML export
     */
    public record Kind<R>(String table, List<? extends ListColumn<R>> columns, List<? extends ListColumn<R>> defaults,
                          Function<String, Filtered<R>> filter, Documents<R> documents) {
    }

    private final Kind<R> kind;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final UiSettings settings;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final FilteredList<R> shown = new FilteredList<>(rows);
    private final SortedList<R> sorted = new SortedList<>(shown);
    private final ObservableList<ListColumn<R>> columns = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");

    public ListTableViewModel(Kind<R> kind, I18n i18n, TaskExecutor tasks, DialogService dialogs, UiSettings settings) {
        this.kind = kind;
        this.i18n = i18n;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        columns.setAll(chosenColumns());
        filterText.addListener((o, was, now) -> refilter());
        i18n.localeProperty().addListener((o, was, now) -> refilter());
    }

    private List<ListColumn<R>> chosenColumns() {
        String saved = settings.columns(kind.table());
        List<ListColumn<R>> chosen = new ArrayList<>();
        if (saved != null) {
            for (String name : saved.split(",")) {
                kind.columns().stream().filter(c -> c.name().equals(name.trim()) && !chosen.contains(c)).findFirst()
                        .ifPresent(chosen::add);
            }
        }
        // Written by another version, or never chosen: the default columns.
        return chosen.isEmpty() ? List.copyOf(kind.defaults()) : chosen;
    }

    public Kind<R> kind() {
        return kind;
    }

    /** Every row, in the order they were given. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** The rows the filter lets through, in the order the table's sort asks for. */
    public SortedList<R> shown() {
        return sorted;
    }

    public ObservableList<ListColumn<R>> columns() {
        return columns;
    }

    /** The filter box. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the filter cannot be read; empty when it can. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** The rows from now on; rows equal to the ones shown are left in place. */
    public void setRows(Collection<R> fresh) {
        if (!rows.equals(fresh instanceof List<R> list ? list : List.copyOf(fresh))) {
            rows.setAll(fresh);
        }
    }

    /** Shows these columns in this order from now on, here and after a restart; none is ignored. */
    public void chooseColumns(List<? extends ListColumn<R>> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        columns.setAll(chosen);
        settings.setColumns(kind.table(), String.join(",", chosen.stream().map(ListColumn::name).toList()));
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        if (text.isEmpty()) {
            filterProblem.set("");
            shown.setPredicate(null);
            return;
        }
        Filtered<R> filtered = kind.filter().apply(text);
        filterProblem.set(filtered.problem() == null ? "" : FailureText.of(i18n, filtered.problem()));
        shown.setPredicate(filtered.rows());
    }

    /** The rows shown, in the order shown, in a format {@code lxc … list -f} knows. */
    public String export(ExportFormat format) {
        return export(format, List.copyOf(sorted));
    }

    /** Some rows in a format of {@code -f}; CSV in the columns shown. */
    public String export(ExportFormat format, List<R> listed) {
        return switch (format) {
            case CSV -> TableExport.csv(List.copyOf(columns), listed, i18n.locale());
            case JSON -> kind.documents().json(listed);
            case YAML -> kind.documents().yaml(listed);
        };
    }

    /** Writes {@link #export} to a file, in the background; a failure says which file and why. */
    public void exportTo(ExportFormat format, Path file) {
        String text = export(format);
        tasks.execute(BackgroundTask.ofRunnable(() -> Files.writeString(file, text))
                .onFailure(failure -> dialogs.showError(i18n.format("lists.export.failed", file), failure)));
    }
}
