package it.osservatorio.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The architecture rules every service keeps; each service's ArchitectureTest checks them on its own classes. */
public final class ServiceArchitecture {

    public static final List<String> SERVICE_PACKAGES = List.of(
            "it.osservatorio.registry",
            "it.osservatorio.projects",
            "it.osservatorio.indicators",
            "it.osservatorio.gateway",
            "it.osservatorio.notifications");

    private ServiceArchitecture() {}

    public static JavaClasses importService(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    /** Domain code is plain Java: no framework, database, broker or JSON library. */
    public static ArchRule domainIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "jakarta.persistence..")
                .allowEmptyShould(true)
                .because("domain rules must not depend on how they are stored, sent or served");
    }

    /** A service uses no other service's code; services share only contracts and platform. */
    public static ArchRule noDependencyOnOtherServices(String servicePackage) {
        String[] others = SERVICE_PACKAGES.stream()
                .filter(p -> !p.equals(servicePackage))
                .map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services talk through Kafka topics and HTTP, never through each other's classes");
    }
}
