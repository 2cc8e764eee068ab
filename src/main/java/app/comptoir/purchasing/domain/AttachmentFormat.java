package app.comptoir.purchasing.domain;

/**
 * The formats an order's attachment may have (a photo or a PDF of a delivery note or an invoice), recognised
 * from the file's first bytes, never from its name or the declared type.
 */
public enum AttachmentFormat {
    JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), PDF("application/pdf", "pdf");

    /** The largest file accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final String contentType;
    private final String extension;

    AttachmentFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format of these bytes, or null when they are none of JPEG, PNG, WebP and PDF. */
    public static AttachmentFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return WEBP;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return PDF;
        }
        return null;
    }
}
