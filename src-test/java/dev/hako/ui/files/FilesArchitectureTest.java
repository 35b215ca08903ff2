package dev.hako.ui.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of a screen, held for the Files tab: threads and dialogs through ui.common, views without a client. */
class FilesArchitectureTest {

    private static JavaClasses classes;
    private static boolean resolving;

    @BeforeAll
    static void importClasses() {
        // Only these packages are judged: their dependencies need not be read, which keeps the test quick.
        resolving = com.tngtech.archunit.ArchConfiguration.get().resolveMissingDependenciesFromClassPath();
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hako.ui.files", "dev.hako.remote.files");
    }

    @AfterAll
    static void restore() {
        com.tngtech.archunit.ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(resolving);
    }

    @Test
    void theViewModelsNameNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..").check(classes);
    }

    @Test
    void theViewsCallNoServer() {
        noClasses().that().haveSimpleNameEndingWith("Tab").or().haveSimpleNameEndingWith("View")
                .or().haveSimpleNameEndingWith("Editor").or().haveSimpleNameEndingWith("Form")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.hako.lxd.LxdClient")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Api")
                .orShould().callMethod(dev.hako.model.RemoteModel.class, "client").check(classes);
    }

    @Test
    void threadsAndDialogsGoThroughUiCommon() {
        noClasses().that().resideInAPackage("dev.hako.ui.files").should()
                .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .orShould().callMethod(java.util.Collection.class, "parallelStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Dialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TextInputDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.ChoiceDialog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.hako.ui.common.TaskRunner")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.hako.ui.common.Dialogs")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hako.remote.files").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..").check(classes);
    }

    @Test
    void noSourceFileIsLongerThanFourHundredLines() throws IOException {
        try (Stream<Path> sources = Files.list(Path.of("app/java/dev/hako/ui/files"))) {
            for (Path source : sources.toList()) {
                List<String> lines = Files.readAllLines(source);
                assertThat(lines.size()).as(source.toString()).isLessThanOrEqualTo(400);
            }
        }
    }
}
