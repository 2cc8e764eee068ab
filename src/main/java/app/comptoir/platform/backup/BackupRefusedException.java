package app.comptoir.platform.backup;

/** A backup or restore that cannot be done as asked (a corrupted backup, a deployment that is not empty...). */
class BackupRefusedException extends RuntimeException {

    BackupRefusedException(String message) {
        super(message);
    }
}
