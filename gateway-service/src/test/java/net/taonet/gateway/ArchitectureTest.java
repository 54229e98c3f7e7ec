package net.taonet.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN §1: inside a feature, {@code domain} never depends on {@code web} or {@code messaging}. */
@AnalyzeClasses(packages = "net.taonet.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDoesNotDependOnWebOrMessaging = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noDependencyOnOtherServices = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "net.taonet.registry..", "net.taonet.emission..", "net.taonet.consensus..", "net.taonet.scoring..", "net.taonet.worker..")
            .allowEmptyShould(true);
}
