package dev.hako.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ForbiddenException;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import dev.hako.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesViewModelTest {

    @TempDir
    Path host;

    private FakeFileOperations files;
    private I18n i18n;
    private ScriptedDialogService dialogs;

    @BeforeEach
    void tree() {
        files = new FakeFileOperations().folder("/").folder("/root").folder("/root/a dir")
                .file("/root/a dir/inner.txt", "inner").file("/root/b.txt", "hello").folder("/etc")
                .file("/etc/hosts", "127.0.0.1 localhost");
        i18n = new I18n(Locale.ENGLISH);
        dialogs = new ScriptedDialogService(i18n);
    }

    private FilesViewModel model(TaskExecutor tasks) {
        return new FilesViewModel(files, tasks, dialogs, i18n);
    }

    private static List<String> names(FilesViewModel model) {
        return model.rows().stream().map(FileRow::name).toList();
    }

    private Path hostFile(String name, int size) throws Exception {
        return Files.write(host.resolve(name), new byte[size]);
    }

    @Test
    void navigationListsFoldersFirstAndSaysWhereItIs() {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.shown();
        assertThat(names(model)).containsExactly("etc", "root");

        model.navigate("/root");
        assertThat(model.directory()).isEqualTo("/root");
        assertThat(names(model)).containsExactly("a dir", "b.txt");
        assertThat(model.statusProperty().get()).isEqualTo("2 items in /root");

        assertThat(model.open(model.rows().get(0))).isFalse();
        assertThat(model.directory()).isEqualTo("/root/a dir");
        assertThat(names(model)).containsExactly("inner.txt");
        model.up();
        model.up();
        assertThat(model.directory()).isEqualTo("/");
        model.navigate("  etc ");
        assertThat(model.directory()).isEqualTo("/etc");
        assertThat(names(model)).containsExactly("hosts");
        assertThat(model.open(model.rows().get(0))).as("a small file opens in the editor").isTrue();
        // Shown again later: the folder is not listed afresh.
        model.shown();
        assertThat(files.calls.stream().filter(c -> c.startsWith("list")).count()).isEqualTo(6);
    }

    @Test
    void onlyTheLatestListingCountsWhateverOrderTheAnswersComeIn() {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        FilesViewModel model = model(tasks);
        files.failures.put("/etc", new ForbiddenException("GET /etc", 403, "not allowed"));
        model.navigate("/etc");
        model.navigate("/root");
        assertThat(tasks.waiting()).isEqualTo(2);
        assertThat(model.loadingProperty().get()).isTrue();

        tasks.run(1);
        assertThat(names(model)).containsExactly("a dir", "b.txt");
        assertThat(model.statusProperty().get()).isEqualTo("2 items in /root");
        tasks.run(0);
        assertThat(names(model)).as("the older listing's failure arrived last and is dropped")
                .containsExactly("a dir", "b.txt");
        assertThat(model.statusProperty().get()).isEqualTo("2 items in /root");
        assertThat(model.directory()).isEqualTo("/root");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aListingOvertakenWhileItRunsIsDropped() {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        files.whileListing.put("/etc", () -> model.navigate("/root"));
        model.navigate("/etc");
        assertThat(model.directory()).isEqualTo("/root");
        assertThat(names(model)).containsExactly("a dir", "b.txt");
        assertThat(model.statusProperty().get()).isEqualTo("2 items in /root");
    }

    @Test
    void anUploadShowsItsProgressThenListsTheFolderAgain() throws Exception {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        List<String> seen = new ArrayList<>();
        files.duringCopy = bytes -> {
            Transfer running = model.transfers().get(0);
            seen.add(running.bytesDoneProperty().get() + " " + running.fractionProperty().get() + " "
                    + running.amountProperty().get());
        };
        model.uploadAll(List.of(hostFile("up.bin", 100)));

        assertThat(seen).containsExactly("25 0.25 25 B / 100 B", "50 0.5 50 B / 100 B", "75 0.75 75 B / 100 B",
                "100 1.0 100 B / 100 B");
        assertThat(model.transfers()).isEmpty();
        assertThat(files.calls).contains("upload up.bin /root/up.bin");
        assertThat(names(model)).contains("up.bin");
        assertThat(model.statusProperty().get()).isEqualTo("Done: Upload up.bin → /root/up.bin");
    }

    @Test
    void aCancelledCopyEndsAsCancelledAndLeavesNothing() throws Exception {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        files.duringCopy = bytes -> {
            if (bytes >= 50) {
                model.transfers().get(0).cancel();
            }
        };
        Transfer transfer = model.upload(hostFile("big.bin", 100), "/root/big.bin");
        assertThat(transfer.isCancelled()).isTrue();
        assertThat(transfer.bytesDoneProperty().get()).isEqualTo(50);
        assertThat(model.transfers()).isEmpty();
        assertThat(names(model)).doesNotContain("big.bin");
        assertThat(model.statusProperty().get())
                .isEqualTo("Cancelled: Upload big.bin → /root/big.bin (nothing left behind)");

        files.duringCopy = bytes -> model.transfers().get(0).cancel();
        model.download(model.rows().get(1), host.resolve("b.txt"));
        assertThat(host.resolve("b.txt")).doesNotExist();
        assertThat(model.statusProperty().get()).startsWith("Cancelled: Download /root/b.txt → ");
    }

    @Test
    void closingTheTabCancelsCopiesAndListsNothingMore() throws Exception {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        FilesViewModel model = model(tasks);
        model.navigate("/root");
        tasks.runAll();
        Transfer transfer = model.upload(hostFile("up.bin", 100), "/root/up.bin");
        model.dispose();
        assertThat(transfer.isCancelled()).isTrue();
        tasks.runAll();
        assertThat(model.transfers()).isEmpty();
        assertThat(tasks.waiting()).isZero();
        assertThat(files.tree).doesNotContainKey("/root/up.bin");
    }

    @Test
    void failuresReadInTheWindowsLanguage() throws Exception {
        i18n = new I18n(Locale.JAPANESE);
        dialogs = new ScriptedDialogService(i18n);
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/nowhere");
        assertThat(model.statusProperty().get()).isEqualTo("/nowhere を一覧できません: not found");
        assertThat(model.rows()).isEmpty();

        model.navigate("/root");
        Path missing = host.resolve("消えた.txt");
        model.uploadAll(List.of(missing));
        assertThat(model.statusProperty().get())
                .isEqualTo("失敗: アップロード 消えた.txt → /root/消えた.txt: "
                + "このコンピューターに " + missing + " がありません。");

        files.failures.put("/root/b.txt", new ForbiddenException("DELETE /root/b.txt", 403, "permission denied"));
        dialogs.answer(true);
        model.delete(List.of(model.rows().get(1)));
        assertThat(model.statusProperty().get()).as("the server's own words, after the path")
                .isEqualTo("/root/b.txt: permission denied");
        assertThat(model.nameProblem("a/b")).isEqualTo("名前に「/」は使えません。");
        assertThat(model.nameProblem("..")).isEqualTo("「.」と「..」は名前に使えません。");
        assertThat(model.permissionsProblem("0999", "0", "0")).startsWith("モードは 8 進数");
    }

    @Test
    void aLanguageSwitchRelabelsWithoutTouchingTheState() throws Exception {
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        FilesViewModel model = model(tasks);
        model.navigate("/root");
        tasks.runAll();
        List<FileRow> rows = List.copyOf(model.rows());
        Transfer transfer = model.upload(hostFile("up.bin", 100), "/root/up.bin");
        assertThat(transfer.titleProperty().get()).isEqualTo("Upload up.bin → /root/up.bin");
        assertThat(model.statusProperty().get()).isEqualTo("2 items in /root");

        i18n.setLocale(Locale.JAPANESE);

        assertThat(model.statusProperty().get()).isEqualTo("/root に 2 個の項目");
        assertThat(transfer.titleProperty().get()).isEqualTo("アップロード up.bin → /root/up.bin");
        assertThat(model.transfers()).containsExactly(transfer);
        assertThat(transfer.isCancelled()).isFalse();
        assertThat(model.directory()).isEqualTo("/root");
        assertThat(model.rows()).containsExactlyElementsOf(rows);
        assertThat(model.rows().get(0)).isSameAs(rows.get(0));

        tasks.runAll();
        assertThat(model.transfers()).isEmpty();
        assertThat(names(model)).contains("up.bin");
        assertThat(model.statusProperty().get()).isEqualTo("完了: アップロード up.bin → /root/up.bin");
        i18n.setLocale(Locale.ENGLISH);
        assertThat(model.statusProperty().get()).isEqualTo("Done: Upload up.bin → /root/up.bin");
    }

    @Test
    void newFolderRenameAndDeleteAskFirst() {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        dialogs.answer("new dir");
        model.createDirectory();
        assertThat(files.calls).contains("mkdir /root/new dir");
        assertThat(names(model)).containsExactly("a dir", "new dir", "b.txt");

        dialogs.answer("c.txt");
        model.rename(model.rows().get(2));
        assertThat(files.calls).contains("rename /root/b.txt /root/c.txt");
        assertThat(names(model)).containsExactly("a dir", "new dir", "c.txt");

        dialogs.answer(false);
        model.delete(List.of(model.rows().get(0), model.rows().get(2)));
        assertThat(files.calls).noneMatch(c -> c.startsWith("delete"));
        dialogs.answer(true);
        model.delete(List.of(model.rows().get(0), model.rows().get(2)));
        assertThat(files.calls).contains("delete /root/a dir", "delete /root/a dir/inner.txt", "delete /root/c.txt");
        assertThat(names(model)).containsExactly("new dir");
        assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("confirm")).last()
                .satisfies(s -> assertThat(s.text()).contains("/root/a dir", "/root/c.txt"));
        assertThat(model.nameProblem("")).isEqualTo("Type a name.");
    }

    @Test
    void anUploadOverAnExistingFileIsConfirmedFirst() throws Exception {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        Path same = hostFile("b.txt", 10);
        dialogs.answer(false);
        model.uploadAll(List.of(same));
        assertThat(files.calls).noneMatch(c -> c.startsWith("upload"));
        dialogs.answer(true);
        model.uploadAll(List.of(same));
        assertThat(files.calls).contains("upload b.txt /root/b.txt");
        assertThat(model.statusProperty().get()).isEqualTo("Done: Upload b.txt → /root/b.txt");

        model.uploadAll(List.of(host));
        assertThat(model.statusProperty().get()).as("a folder is skipped with a note")
                .isEqualTo(host.getFileName() + " is a folder: only files can be uploaded.");
        assertThat(files.calls).filteredOn(c -> c.startsWith("upload")).hasSize(1);
    }

    @Test
    void modeIsChangedOnlyWhenItWasEdited() {
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        FileRow file = model.rows().get(1);
        assertThat(model.permissionsProblem("0644", "0", "0")).isNull();
        assertThat(model.permissionsProblem("644", "x", "0")).isNotNull();
        model.changePermissions(List.of(file), "0644", "1000", "1000");
        model.changePermissions(List.of(file), "0600", "1000", "1000");
        model.changePermissions(List.of(file), "0600", "x", "1000");
        assertThat(files.calls).filteredOn(c -> c.startsWith("own"))
                .containsExactly("own /root/b.txt null 1000:1000", "own /root/b.txt 0600 1000:1000");
    }

    @Test
    void theEditorAsksBeforeOverwritingAChangeMadeOnTheServer() {
        TextEditorViewModel editor = new TextEditorViewModel(files, new CurrentThreadTaskExecutor(), i18n,
                "/root/b.txt");
        List<Exception> failed = new ArrayList<>();
        boolean[] loaded = {false};
        editor.load(() -> loaded[0] = true, failed::add);
        assertThat(loaded[0]).isTrue();
        assertThat(editor.textProperty().get()).isEqualTo("hello");
        assertThat(editor.titleProperty().get()).isEqualTo("/root/b.txt — fake");

        editor.textProperty().set("mine");
        files.file("/root/b.txt", "theirs!");
        ArrayDeque<Boolean> answers = new ArrayDeque<>(List.of(false, true));
        int[] saves = {0};
        editor.save(false, answers::poll, () -> saves[0]++);
        assertThat(editor.statusProperty().get()).isEqualTo("The file changed on the server since it was opened.");
        assertThat(files.tree.get("/root/b.txt")).isEqualTo("theirs!");
        editor.save(false, answers::poll, () -> saves[0]++);
        assertThat(files.tree.get("/root/b.txt")).isEqualTo("mine");
        assertThat(files.calls).contains("write /root/b.txt forced");
        assertThat(saves[0]).isEqualTo(1);
        assertThat(editor.statusProperty().get()).isEqualTo("Saved.");
        i18n.setLocale(Locale.JAPANESE);
        assertThat(editor.statusProperty().get()).isEqualTo("保存しました。");
        assertThat(editor.textProperty().get()).isEqualTo("mine");

        new TextEditorViewModel(files, new CurrentThreadTaskExecutor(), i18n, "/root/gone").load(() -> { },
                failed::add);
        assertThat(failed).hasSize(1);
    }

    @Test
    void aFileTooBigForTheEditorIsRefusedWithANote() {
        files.file("/root/huge.log", "x".repeat((int) FilesViewModel.EDIT_LIMIT + 1));
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        FileRow huge = model.rows().stream().filter(r -> r.name().equals("huge.log")).findFirst().orElseThrow();
        assertThat(model.canEdit(huge)).isFalse();
        assertThat(model.statusProperty().get())
                .isEqualTo("/root/huge.log is larger than 1.0 MiB: download it instead.");
    }

    @Test
    void selectedFilesAreFetchedAheadForDraggingOut() throws Exception {
        files.file("/root/big.iso", "x".repeat((int) DragCopies.LIMIT + 1));
        FilesViewModel model = model(new CurrentThreadTaskExecutor());
        model.navigate("/root");
        FileRow small = model.rows().stream().filter(r -> r.name().equals("b.txt")).findFirst().orElseThrow();
        FileRow big = model.rows().stream().filter(r -> r.name().equals("big.iso")).findFirst().orElseThrow();
        assertThat(model.dragReady(small)).isFalse();

        model.selected(List.of(small, big));
        assertThat(model.dragReady(small)).isTrue();
        assertThat(model.dragReady(big)).isFalse();
        List<Path> dragged = model.dragFiles(List.of(small, big, model.rows().get(0)));
        assertThat(dragged).hasSize(1);
        assertThat(dragged.get(0).getFileName().toString()).isEqualTo("b.txt");
        assertThat(Files.readString(dragged.get(0))).isEqualTo("hello");
        assertThat(model.statusProperty().get()).isEqualTo("Too large to drag out: use Download.");

        model.dispose();
        assertThat(dragged.get(0)).doesNotExist();
    }
}
