package app.comptoir.platform;

import app.comptoir.platform.backup.BackupCommand;

/** The command line's operator commands, run instead of the application: {@code backup <folder>}, {@code restore <folder>},
 * {@code export-business <slug-or-id> <folder>}, {@code import-business <folder>}. */
public final class OperatorCommands {

    private OperatorCommands() {
    }

    /** Whether the arguments name an operator command. */
    public static boolean isCommand(String[] args) {
        return BackupCommand.isCommand(args);
    }

    /** Runs the command the arguments name; returns the process's exit status. */
    public static int run(String[] args) {
        return BackupCommand.run(args);
    }
}
