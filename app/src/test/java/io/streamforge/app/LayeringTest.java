package io.streamforge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: domain ← libraries ← services ← app. */
class LayeringTest {
    static final String[] SERVICES = {
        "io.streamforge.queuemanager..",
        "io.streamforge.loader..",
        "io.streamforge.connector..",
        "io.streamforge.dummy..",
        "io.streamforge.graphbuilder..",
        "io.streamforge.gnntrainer..",
        "io.streamforge.visualizer.."
    };
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.streamforge");
    }

    @Test
    void domainDependsOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.streamforge.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.streamforge.domain..", "java..")
                .check(classes);
    }

    @Test
    void librariesDoNotDependOnServicesOrTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.streamforge.domain..",
                        "io.streamforge.registry..",
                        "io.streamforge.kafka..",
                        "io.streamforge.runtime..",
                        "io.streamforge.binance..",
                        "io.streamforge.store..",
                        "io.streamforge.embedded..",
                        "io.streamforge.sim..",
                        "io.streamforge.indicators..",
                        "io.streamforge.graph..",
                        "io.streamforge.gnn..",
                        "io.streamforge.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(SERVICES, "io.streamforge.app.."))
                .check(classes);
    }

    /** The registry is data about services, read by the runtime: it depends on the JDK only. */
    @Test
    void theRegistryDependsOnNothingButTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.streamforge.registry..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.streamforge.registry..", "java..")
                .check(classes);
    }

    @Test
    void analyticsArePureLibraries() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.streamforge.indicators..",
                        "io.streamforge.graph..",
                        "io.streamforge.gnn..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.streamforge.kafka..",
                        "io.streamforge.runtime..",
                        "io.streamforge.store..",
                        "io.streamforge.binance..",
                        "org.apache.kafka..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        for (String service : SERVICES) {
            String[] others =
                    java.util.Arrays.stream(SERVICES)
                            .filter(s -> !s.equals(service))
                            .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(service)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(concat(others, "io.streamforge.app.."))
                    .check(classes);
        }
    }

    @Test
    void onlyTheAppAndServicesUseTheEmbeddedPlatformAndTheSimulatorOutsideTests() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.streamforge.kafka..",
                        "io.streamforge.runtime..",
                        "io.streamforge.binance..",
                        "io.streamforge.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.streamforge.embedded..", "io.streamforge.sim..")
                .check(classes);
    }

    static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
