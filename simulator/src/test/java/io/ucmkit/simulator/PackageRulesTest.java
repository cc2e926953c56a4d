package io.ucmkit.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's layering as docs/architecture.md draws it, checked on the compiled main classes. */
class PackageRulesTest {

    private static final String SIMULATOR = "io.ucmkit.simulator";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SIMULATOR);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(main);
    }

    @Test
    void theAdminApiIsALeafThatEveryLayerMayUse() {
        classes()
                .that()
                .resideInAPackage(SIMULATOR + ".admin..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAPackage(SIMULATOR + ".admin..").or(not(resideInAPackage(SIMULATOR + ".."))))
                .check(main);
    }

    @Test
    void theControlApiServesTheAdminInterfaceOnly() {
        classes()
                .that()
                .resideInAPackage(SIMULATOR + ".http..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage(SIMULATOR + ".http..", SIMULATOR + ".admin..", SIMULATOR + ".metrics..")
                                .or(not(resideInAPackage(SIMULATOR + ".."))))
                .check(main);
    }

    @Test
    void theCallEngineNeverWordsAnAmiAnswer() {
        noClasses()
                .that()
                .resideInAPackage(SIMULATOR + ".call..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SIMULATOR + ".ami..", SIMULATOR + ".http..")
                .check(main);
    }

    /** One slice per package, the root package included (a pattern like {@code simulator.(*)..} leaves it out). */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith(SIMULATOR) ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of the simulator";
        }
    };
}
