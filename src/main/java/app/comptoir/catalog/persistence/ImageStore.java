package app.comptoir.catalog.persistence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

import app.comptoir.catalog.domain.ProductImage;
import app.comptoir.catalog.domain.StoredImage;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.InvalidInputException;

/**
 * Product pictures on disk, under {@code <data-dir>/images/<tenant>/<product>/}: the original bytes
 * as uploaded and a thumbnail. Only JPEG, PNG and WebP are accepted, recognised by their content
 * (magic bytes), never by file name or declared type, and fully decoded before being kept.
 */
@Component
public class ImageStore {

    /** Longest side of a thumbnail, in pixels. */
    public static final int THUMB_SIZE = 320;
    /** Larger pictures are refused before decoding (a small file may claim huge dimensions). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** The accepted formats. */
    public enum Format {
        JPEG("image/jpeg", "jpg", "jpeg"), PNG("image/png", "png", "png"), WEBP("image/webp", "webp", "webp");

        private final String contentType;
        private final String extension;
        private final String readerName;

        Format(String contentType, String extension, String readerName) {
            this.contentType = contentType;
            this.extension = extension;
            this.readerName = readerName;
        }

        public String contentType() {
            return contentType;
        }

        public static Format ofContentType(String contentType) {
            for (Format f : values()) {
                if (f.contentType.equals(contentType)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(contentType);
        }
    }

    private final Path root;

    ImageStore(ComptoirProperties properties) {
        this.root = properties.dataDir().resolve("images").toAbsolutePath().normalize();
        // In a packaged jar the WebP reader is not visible to the system class loader; register it.
        ImageIO.scanForPlugins();
    }

    /** The format the bytes are in, or null when they are none of JPEG, PNG and WebP. */
    public static Format sniff(byte[] bytes) {
        FileFormat format = FileFormat.sniff(bytes, FileFormat.JPEG, FileFormat.PNG, FileFormat.WEBP);
        return format == null ? null : Format.valueOf(format.name());
    }

    /**
     * A picture checked and decoded, with its thumbnail encoded, ready to be written: the slow part of an
     * upload, done before the transaction so that no database connection waits on it.
     */
    public record Prepared(Format format, byte[] original, Format thumbFormat, byte[] thumb, int width, int height) {
    }

    /** A file of the store: the picture (or thumbnail) it belongs to and when it was written. */
    public record StoredFile(UUID productId, UUID imageId, Path path, Instant modified) {
    }

    /** Checks and decodes the picture and makes its thumbnail; refuses anything else with a 400 problem. */
    public Prepared prepare(byte[] bytes) {
        Format format = sniff(bytes);
        if (format == null) {
            throw InvalidInputException.field("file", "is not a JPEG, PNG or WebP image (only these formats are accepted)");
        }
        BufferedImage image = decode(bytes, format);
        boolean alpha = image.getColorModel().hasAlpha();
        Format thumbFormat = alpha ? Format.PNG : Format.JPEG;
        byte[] thumb = encode(thumbnail(image, alpha), thumbFormat);
        return new Prepared(format, bytes, thumbFormat, thumb, image.getWidth(), image.getHeight());
    }

    /** Writes a prepared picture and its thumbnail. */
    public StoredImage write(UUID tenantId, UUID productId, UUID imageId, Prepared prepared) {
        try {
            Path dir = directory(tenantId, productId);
            Files.createDirectories(dir);
            write(dir.resolve(imageId + "." + prepared.format().extension), prepared.original());
            write(dir.resolve(imageId + "-thumb." + prepared.thumbFormat().extension), prepared.thumb());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store image " + imageId, e);
        }
        return new StoredImage(prepared.format().contentType, prepared.thumbFormat().contentType, prepared.width(),
                prepared.height(), prepared.original().length);
    }

    /** The businesses that have picture files. */
    public List<UUID> tenants() {
        return children(root).stream().map(p -> uuid(p.getFileName().toString())).filter(Objects::nonNull).toList();
    }

    /** Every file of a business's pictures, thumbnails and interrupted writes included. */
    public List<StoredFile> filesOf(UUID tenantId) {
        List<StoredFile> files = new ArrayList<>();
        for (Path productDir : children(root.resolve(tenantId.toString()))) {
            UUID productId = uuid(productDir.getFileName().toString());
            if (productId == null) {
                continue;
            }
            for (Path file : children(productDir)) {
                String name = file.getFileName().toString();
                UUID imageId = name.length() >= 36 ? uuid(name.substring(0, 36)) : null;
                if (imageId != null) {
                    try {
                        files.add(new StoredFile(productId, imageId, file, Files.getLastModifiedTime(file).toInstant()));
                    } catch (IOException e) {
                        // deleted meanwhile
                    }
                }
            }
        }
        return files;
    }

    /** Removes one file of the store (best effort). */
    public void deleteFile(StoredFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            // tried again at the next sweep
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The file of the picture or of its thumbnail. */
    public Path file(UUID tenantId, UUID productId, UUID imageId, String contentType, boolean thumb) {
        Format format = Format.ofContentType(contentType);
        return directory(tenantId, productId).resolve(imageId + (thumb ? "-thumb." : ".") + format.extension);
    }

    /** Copies a picture and its thumbnail to another product under a new id. */
    public void copy(UUID tenantId, ProductImage image, UUID toProductId, UUID toImageId) {
        try {
            Path target = directory(tenantId, toProductId);
            Files.createDirectories(target);
            Files.copy(file(tenantId, image.getProductId(), image.getId(), image.getContentType(), false),
                    file(tenantId, toProductId, toImageId, image.getContentType(), false), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(file(tenantId, image.getProductId(), image.getId(), image.getThumbType(), true),
                    file(tenantId, toProductId, toImageId, image.getThumbType(), true), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy image " + image.getId(), e);
        }
    }

    /**
     * Gives another product a picture already stored (its original and thumbnail) under a new id, as hard
     * links where the file system has them (a copy otherwise): pictures shared by many products, such as
     * the demo shops' drawn ones, then take the room of one. Removing one product's picture removes its
     * own links only.
     */
    public void share(UUID tenantId, UUID fromProductId, UUID fromImageId, UUID toProductId, UUID toImageId,
                      StoredImage stored) {
        try {
            Files.createDirectories(directory(tenantId, toProductId));
            link(file(tenantId, fromProductId, fromImageId, stored.contentType(), false),
                    file(tenantId, toProductId, toImageId, stored.contentType(), false));
            link(file(tenantId, fromProductId, fromImageId, stored.thumbType(), true),
                    file(tenantId, toProductId, toImageId, stored.thumbType(), true));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot share image " + fromImageId, e);
        }
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the picture's files (best effort: a file left behind is harmless). */
    public void delete(UUID tenantId, UUID productId, UUID imageId, String contentType, String thumbType) {
        try {
            Files.deleteIfExists(file(tenantId, productId, imageId, contentType, false));
            Files.deleteIfExists(file(tenantId, productId, imageId, thumbType, true));
        } catch (IOException e) {
            // Nothing refers to the files any more.
        }
    }

    private Path directory(UUID tenantId, UUID productId) {
        return root.resolve(tenantId.toString()).resolve(productId.toString());
    }

    private static BufferedImage decode(byte[] bytes, Format format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
            if (!readers.hasNext()) {
                throw new IllegalStateException("No image reader for " + format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw InvalidInputException.field("file", "is too large (" + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + " pixels; at most 40 megapixels)");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw unreadable(format);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw unreadable(format);
        }
    }

    private static InvalidInputException unreadable(Format format) {
        return InvalidInputException.field("file", "looks like " + format.name()
                + " but could not be read (damaged, truncated or an unsupported variant of the format)");
    }

    private static BufferedImage thumbnail(BufferedImage image, boolean alpha) {
        double scale = Math.min(1.0, (double) THUMB_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return thumb;
    }

    private static byte[] encode(BufferedImage image, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == Format.PNG) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
