package dev.hako;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps DESIGN.md true: the layer arrows (ui → model → remote → lxd, and ui → lxd) and
 * the shape of a screen (background work and dialogs only through ui.common, view
 * models without controls, views without the REST client, small files).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hako");
    }

    @Test
    void layersOnlyPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("App").definedBy("dev.hako")
                .layer("Ui").definedBy("dev.hako.ui..")
                .layer("Model").definedBy("dev.hako.model..")
                .layer("Remote").definedBy("dev.hako.remote..")
                .layer("Lxd").definedBy("dev.hako.lxd..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Ui", "App")
                .whereLayer("Remote").mayOnlyBeAccessedByLayers("Model", "Ui", "App")
                .whereLayer("Lxd").mayOnlyBeAccessedByLayers("Remote", "Model", "Ui", "App")
                .check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideInAnyPackage("dev.hako.lxd..", "dev.hako.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.hako.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static final String UI = "dev.hako.ui..";
    private static final String UI_COMMON = "dev.hako.ui.common..";

    @Test
    void onlyUiCommonHandsWorkToTheFxThread() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_COMMON)
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("screens run work through the TaskExecutor and come back through it")
                .check(classes);
    }

    @Test
    void onlyUiCommonStartsThreads() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_COMMON)
                .should().callConstructorWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                        java.util.Timer.class, java.util.concurrent.ScheduledThreadPoolExecutor.class)
                .orShould().callMethod(java.util.Collection.class, "parallelStream")
                .because("the TaskExecutor is the one way to run background work")
                .check(classes);
    }

    @Test
    void onlyUiCommonMakesDialogs() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_COMMON)
                .should().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(javafx.scene.control.Dialog.class))))
                .because("the DialogService makes every dialog themed and in the window's language")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewsDoNotCallTheServer() {
        noClasses().that().resideInAPackage(UI).and(simpleNameEndingWithAny("View", "Page", "Tab"))
                .should().dependOnClassesThat(DescribedPredicate.describe("the REST client",
                        (JavaClass c) -> c.getPackageName().equals("dev.hako.lxd")
                                && (c.getSimpleName().equals("LxdClient") || c.getSimpleName().endsWith("Api"))))
                .because("views build and bind controls; view models and use cases talk to servers")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> simpleNameEndingWithAny(String... suffixes) {
        return DescribedPredicate.describe("a view class", c -> {
            String name = c.getSimpleName();
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void uiFilesStaySmall() throws java.io.IOException {
        java.nio.file.Path ui = java.nio.file.Path.of("app/java/dev/hako/ui");
        try (var files = java.nio.file.Files.walk(ui)) {
            var tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return java.nio.file.Files.readAllLines(f).size() > 400;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Object::toString).toList();
            org.assertj.core.api.Assertions.assertThat(tooLong).as("files under ui over 400 lines").isEmpty();
        }
    }
}
