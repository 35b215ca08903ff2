package dev.hako;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layer arrows of DESIGN.md true: ui → model → remote → lxd, and ui → lxd. */
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
}
