package app.comptoir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/** Modules talk only through each other's root package; the docs are written to target/spring-modulith-docs. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ComptoirApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        assertThat(modules.getModuleByName("identity")).isPresent();
        assertThat(modules.getModuleByName("platform")).isPresent();

        modules.verify();
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
}
