package app.comptoir.platform.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.db.EarlyEmbeddedPostgres;

/**
 * The command line's {@code backup <folder>}, {@code restore <folder>}, {@code export-business <slug-or-id> <folder>}
 * and {@code import-business <folder>} ({@code ./run backup ...}, or
 * {@code java -jar comptoir.jar backup ...}): the deployment's settings are read as the application reads them
 * (application.yml, environment variables, {@code --name=value} arguments), but nothing of the application starts
 * but its database. The embedded PostgreSQL of a running application is used as it runs; else it is started for the
 * command and stopped after.
 */
public final class BackupCommand {

    private static final Set<String> COMMANDS = Set.of("backup", "restore", "export-business", "import-business");

    private BackupCommand() {
    }

    /** Whether the command line asks for a backup or a restore rather than the application. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs one of the commands; returns the process's exit status. */
    public static int run(String[] args) {
        String[] settings = Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toArray(String[]::new);
        String[] operands = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        boolean export = args[0].equals("export-business");
        if (operands.length != (export ? 2 : 1)) {
            System.err.println("usage: " + args[0] + (export ? " <slug-or-tenant-id>" : "") + " <folder> [--setting=value ...]");
            return 2;
        }
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // the early start of the embedded database is the application's; the command opens it itself
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof EarlyEmbeddedPostgres)).toList());
        try (ConfigurableApplicationContext context = application.run(settings)) {
            Environment environment = context.getEnvironment();
            Binder binder = Binder.get(environment);
            ComptoirProperties properties = binder.bindOrCreate("comptoir", ComptoirProperties.class);
            BackupProperties backup = binder.bindOrCreate("comptoir.backup", BackupProperties.class);
            Backups backups = new Backups(properties, backup,
                    environment.getProperty("comptoir.db.durable", Boolean.class, true),
                    environment.getProperty("info.app.version", "unknown"), Clock.systemUTC());
            Path folder = Path.of(operands[operands.length - 1]).toAbsolutePath().normalize();
            if (export || args[0].equals("import-business")) {
                BusinessMoves moves = new BusinessMoves(properties, backup,
                        environment.getProperty("comptoir.db.durable", Boolean.class, true),
                        environment.getProperty("info.app.version", "unknown"), Clock.systemUTC());
                BusinessMoves.BusinessManifest moved = export ? moves.export(operands[0], folder) : moves.importFrom(folder);
                System.out.println((export ? "Exported " : "Imported ") + moved.slug() + " (" + moved.tenantId() + "): "
                        + moved.tables().size() + " tables, "
                        + moved.tables().stream().mapToLong(TableFingerprint::rows).sum() + " rows, "
                        + moved.files().stream().filter(f -> f.path().startsWith(BusinessMoves.FILES + "/")).count()
                        + " files" + (export ? ", written to " + folder : ""));
                return 0;
            }
            Manifest manifest;
            if (args[0].equals("backup")) {
                manifest = backups.create(folder);
                System.out.println("Backup written to " + folder + " (schema version " + manifest.flywayVersion()
                        + ", " + manifest.tables().size() + " tables, " + (manifest.files().size() - 1) + " files)");
            } else {
                manifest = backups.restore(folder);
                System.out.println("Restored the backup of " + manifest.createdAt() + " (schema version "
                        + manifest.flywayVersion() + "): " + manifest.tables().size()
                        + " tables checked against the manifest, " + (manifest.files().size() - 1) + " files");
            }
            return 0;
        } catch (BackupRefusedException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** The command's context: the configuration only. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }
}
