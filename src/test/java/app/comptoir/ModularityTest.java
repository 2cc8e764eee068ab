package app.comptoir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * Modules talk only through each other's root package and only to the modules they declare; domain code
 * uses neither Spring nor JDBC. The docs are written to target/spring-modulith-docs.
 */
class ModularityTest {

    /** What {@code @ApplicationModule} holds when a module declares no dependencies: any is allowed. */
    private static final String UNDECLARED = org.springframework.modulith.ApplicationModule.OPEN_TOKEN;

    private final ApplicationModules modules = ApplicationModules.of(ComptoirApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndTheModulesTheyDeclare() {
        assertThat(modules.getModuleByName("identity")).isPresent();
        assertThat(modules.getModuleByName("platform")).isPresent();

        modules.verify();
    }

    @Test
    void everyModuleDeclaresItsAllowedDependenciesAndThePlatformNone() {
        SoftAssertions.assertSoftly(softly -> modules.forEach(module -> {
            String name = module.getName();
            List<String> allowed = allowedDependencies(module.getBasePackage().getName());
            softly.assertThat(allowed).as("allowedDependencies of %s", name).doesNotContain(UNDECLARED);
            if (name.equals("platform")) {
                softly.assertThat(allowed).as("the shared kernel depends on no module").isEmpty();
            } else {
                softly.assertThat(allowed).as("allowedDependencies of %s", name).contains("platform");
            }
        }));
    }

    @Test
    void domainCodeUsesNeitherSpringNorJdbc() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.comptoir");
        ArchRule rule = noClasses().that().resideInAPackage("app.comptoir..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .because("domain code holds the business rules, testable without a container or a database");

        rule.check(classes);
    }

    @Test
    void theModuleDocumentationIsWritten() throws IOException {
        Path docs = Path.of("target", "spring-modulith-docs");
        FileSystemUtils.deleteRecursively(docs);

        new Documenter(modules).writeDocumentation();

        assertThat(docs.resolve("components.puml")).isNotEmptyFile();
        assertThat(docs.resolve("module-identity.puml")).isNotEmptyFile();
        assertThat(docs.resolve("all-docs.adoc")).isNotEmptyFile();
    }

    /** The dependencies the module's package-info declares ({@link #UNDECLARED} when it declares none). */
    private static List<String> allowedDependencies(String basePackage) {
        try {
            Class<?> packageInfo = Class.forName(basePackage + ".package-info");
            org.springframework.modulith.ApplicationModule module =
                    packageInfo.getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return module == null ? List.of(UNDECLARED) : Arrays.asList(module.allowedDependencies());
        } catch (ClassNotFoundException e) {
            return List.of(UNDECLARED);
        }
    }
}
