package app.comptoir.platform;

/**
 * The file formats users upload (phone photos, scans, PDFs of delivery notes or registration documents), recognised
 * from the file's first bytes, never from its name or the type the browser declares.
 */
public enum FileFormat {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), PDF("application/pdf", "pdf");

    /** The largest document accepted (the deployment's multipart limit is the same). */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private final String contentType;
    private final String extension;

    FileFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Whether it is a picture (not a PDF). */
    public boolean image() {
        return this != PDF;
    }

    /** The format of these bytes, or null when they are none of JPEG, PNG, WebP and PDF. */
    public static FileFormat sniff(byte[] b) {
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return WEBP;
        }
        return startsWith(b, '%', 'P', 'D', 'F', '-') ? PDF : null;
    }

    /** The format of these bytes when it is one of {@code accepted}, else null. */
    public static FileFormat sniff(byte[] b, FileFormat... accepted) {
        FileFormat format = sniff(b);
        for (FileFormat a : accepted) {
            if (a == format) {
                return format;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes == null || bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
