package it.osservatorio.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import it.osservatorio.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String SERVICE = "it.osservatorio.notifications";
    private final JavaClasses classes = ServiceArchitecture.importService(SERVICE);

    @Test
    void shouldKeepDomainFreeOfFrameworksWhenAnyClassChanges() {
        ServiceArchitecture.domainIsPlainJava().check(classes);
    }

    @Test
    void shouldNotDependOnOtherServicesWhenAnyClassChanges() {
        ServiceArchitecture.noDependencyOnOtherServices(SERVICE).check(classes);
    }
}
