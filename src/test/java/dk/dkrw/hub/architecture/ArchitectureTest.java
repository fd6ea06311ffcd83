package dk.dkrw.hub.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The few structural rules the hub keeps (style.md): plain domain logic, no vanilla exceptions. */
@AnalyzeClasses(packages = "dk.dkrw.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Verification, validation, mapping and the audit chain are plain Java, testable without a container. */
    @ArchTest
    static final ArchRule domainLogicIsPlainJava = noClasses()
            .that().resideInAnyPackage("..signature..", "..validation..", "..transform..", "..audit..", "..event..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.apache.camel..",
                    "jakarta.servlet..")
            .because("domain logic must be unit-testable without Spring MVC or Camel");

    /** Every failure carries a contract code: no generic runtime exceptions thrown by hub code. */
    @ArchTest
    static final ArchRule noVanillaRuntimeExceptions = noClasses()
            .that().areNotAssignableTo(RuntimeException.class)
            .should().callConstructor(RuntimeException.class)
            .orShould().callConstructor(RuntimeException.class, String.class)
            .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
            .because("failures are HubException with a code, or a specific JDK exception");

    /** Controllers and routes go through the stores; nothing outside storage opens JDBC connections. */
    @ArchTest
    static final ArchRule onlyStorageManagesConnections = noClasses()
            .that().resideOutsideOfPackages("..storage..")
            .should().callMethod(javax.sql.DataSource.class, "getConnection")
            .because("durable writes go through the group committer");
}
