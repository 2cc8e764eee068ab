package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import app.comptoir.ComptoirApplication;

class CatalogModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(ComptoirApplication.class);

    @Test
    void theCatalogKeepsToTheModuleRules() {
        modules.verify();
    }

    @Test
    void theCatalogDependsOnlyOnThePlatformAndOnIdentityEvents() {
        ApplicationModule catalog = modules.getModuleByName("catalog").orElseThrow();
        assertThat(catalog.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).distinct())
                .containsOnly("platform", "identity");
        // Identity is only listened to (TenantCreated), never called: no bean of it is needed to start the catalog.
        assertThat(catalog.getBootstrapDependencies(modules).map(ApplicationModule::getName)).doesNotContain("identity");
    }
}
