package app.comptoir.inspections.application;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.Word;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import app.comptoir.inspections.domain.RegistrationReading;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * Reads a photo or a PDF of a registration document with Tesseract and proposes its fields
 * ({@link RegistrationReading}); nothing is stored. A PDF's first page is rendered at 300 dpi; pictures are turned
 * grey and small phone photos scaled up (Tesseract reads characters about 30 pixels high best). The words come with
 * their confidences, grouped into lines by their position on the page (a label and its value in two columns would
 * otherwise come as two blocks).
 *
 * <p>A Tesseract engine is not thread-safe: each scan makes its own, and at most {@code concurrent} scans run at
 * once. When the native library or a language's data is missing, the scanner says it is unavailable (checked once,
 * then remembered) and a scan is refused with 503 {@code ocr-unavailable}: the inspector types the fields.
 */
@Service
public class RegistrationScanner {

    /** What the scan read: the proposed fields and the whole text (lines). */
    public record Scan(List<RegistrationReading.Field> fields, String text) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OcrSettings.class)
    static class Settings {
    }

    private static final Logger log = LoggerFactory.getLogger(RegistrationScanner.class);
    private static final long MAX_PIXELS = 60_000_000L;
    private static final int SMALL_SIDE = 1600;
    private static final int LARGE_SIDE = 4200;
    private static final float PDF_DPI = 300;

    private final OcrSettings settings;
    private final Permissions permissions;
    private final Semaphore engines;
    private volatile String unavailable;
    private volatile boolean checked;

    RegistrationScanner(OcrSettings settings, Permissions permissions) {
        this.settings = settings;
        this.permissions = permissions;
        this.engines = new Semaphore(Math.max(1, settings.concurrent()));
    }

    /** Whether scans can run on this node (Tesseract's library and the languages' data are there). */
    public boolean available() {
        return unavailableReason() == null;
    }

    /** Why scans cannot run here, or null when they can. */
    public String unavailableReason() {
        if (!checked) {
            synchronized (this) {
                if (!checked) {
                    unavailable = check();
                    checked = true;
                    if (unavailable != null) {
                        log.warn("Registration-document scan unavailable: {}", unavailable);
                    }
                }
            }
        }
        return unavailable;
    }

    /**
     * Reads the document (JPEG, PNG, WebP or PDF recognised by content, 10 MB at most) and proposes its fields.
     * Refuses without INSPECTIONS_WRITE (403), an empty or unreadable file (400), a too large one (413), another
     * format (415); 503 when the OCR is unavailable here.
     */
    public Scan scan(byte[] bytes) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        return read(bytes);
    }

    /** The scan itself, for whoever was allowed it. */
    Scan read(byte[] bytes) {
        FileFormat format = accept(bytes);
        String reason = unavailableReason();
        if (reason != null) {
            throw new OcrUnavailableException("OCR unavailable: type the fields (" + reason + ")");
        }
        BufferedImage page = prepare(decode(bytes, format));
        boolean turn;
        try {
            turn = engines.tryAcquire(settings.waitForTurn().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrUnavailableException("OCR unavailable: type the fields (interrupted)");
        }
        if (!turn) {
            throw new OcrUnavailableException("OCR unavailable: type the fields (every engine is busy, try again)");
        }
        try {
            List<List<RegistrationReading.Word>> lines = lines(recognise(page));
            StringBuilder text = new StringBuilder();
            for (List<RegistrationReading.Word> line : lines) {
                text.append(String.join(" ", line.stream().map(RegistrationReading.Word::text).toList())).append('\n');
            }
            return new Scan(RegistrationReading.read(lines), text.toString().strip());
        } finally {
            engines.release();
        }
    }

    /** The format of an acceptable upload; refuses an empty, too large or other file. */
    static FileFormat accept(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.field("file", "is required (a photo or a PDF of the registration document)");
        }
        if (bytes.length > FileFormat.MAX_DOCUMENT_BYTES) {
            throw UploadRefusedException.tooLarge();
        }
        FileFormat format = FileFormat.sniff(bytes);
        if (format == null) {
            throw UploadRefusedException.notADocument();
        }
        return format;
    }

    private String check() {
        Path data = Path.of(settings.dataPath());
        for (String language : settings.language().split("\\+")) {
            if (!Files.isReadable(data.resolve(language.strip() + ".traineddata"))) {
                return "no language data " + data.resolve(language.strip() + ".traineddata")
                        + " (install tesseract-ocr-" + language.strip() + ")";
            }
        }
        try {
            String version = TessAPI.INSTANCE.TessVersion();
            log.info("Registration-document scan: Tesseract {}, languages {} in {}", version, settings.language(), data);
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "Tesseract's library cannot be loaded (install tesseract-ocr): " + e;
        }
    }

    private static BufferedImage decode(byte[] bytes, FileFormat format) {
        try {
            if (format == FileFormat.PDF) {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    if (pdf.getNumberOfPages() == 0) {
                        throw InvalidInputException.field("file", "is a PDF without pages");
                    }
                    PDRectangle box = pdf.getPage(0).getCropBox();
                    float scale = PDF_DPI / 72f;
                    // a huge page is rendered smaller rather than filling the memory
                    float longest = Math.max(box.getWidth(), box.getHeight()) * scale;
                    if (longest > LARGE_SIDE) {
                        scale *= LARGE_SIDE / longest;
                    }
                    return new PDFRenderer(pdf).renderImage(0, scale, ImageType.GRAY);
                }
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers == null || !readers.hasNext()) {
                    throw InvalidInputException.field("file", "cannot be read as a picture");
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                        throw InvalidInputException.field("file", "has too many pixels (60 megapixels at most)");
                    }
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            log.info("Unreadable document for the scan: {}", e.toString());
            throw InvalidInputException.field("file", "cannot be read (a damaged or protected file?)");
        }
    }

    /** Grey, and scaled so that the longest side is between 1600 and 4200 pixels (small photos up to three times). */
    static BufferedImage prepare(BufferedImage image) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        double scale = longest < SMALL_SIDE ? Math.min(3.0, 2000.0 / longest)
                : longest > LARGE_SIDE ? (double) LARGE_SIDE / longest : 1.0;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        if (scale == 1.0 && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // a transparent PNG's background is white paper, not black
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    private List<Word> recognise(BufferedImage page) {
        Tesseract tesseract = new Tesseract();
        tesseract.setDatapath(settings.dataPath());
        tesseract.setLanguage(settings.language());
        tesseract.setPageSegMode(settings.pageSegmentation());
        tesseract.setVariable("user_defined_dpi", "300");
        return tesseract.getWords(List.of(page), ITessAPI.TessPageIteratorLevel.RIL_WORD);
    }

    /**
     * The words grouped into lines by position: a word belongs to the line whose first word's height spans its middle;
     * lines top to bottom, words left to right; confidences from 0 to 1.
     */
    static List<List<RegistrationReading.Word>> lines(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words.stream().filter(w -> w.getText() != null && !w.getText().isBlank())
                .toList());
        sorted.sort(Comparator.comparingInt(w -> w.getBoundingBox().y));
        List<List<Word>> lines = new ArrayList<>();
        List<Rectangle> spans = new ArrayList<>();
        for (Word word : sorted) {
            Rectangle box = word.getBoundingBox();
            int middle = box.y + box.height / 2;
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                Rectangle span = spans.get(i);
                if (middle >= span.y && middle <= span.y + span.height) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                lines.add(new ArrayList<>());
                spans.add(box);
                at = lines.size() - 1;
            }
            lines.get(at).add(word);
        }
        List<List<RegistrationReading.Word>> out = new ArrayList<>();
        for (List<Word> line : lines) {
            line.sort(Comparator.comparingInt(w -> w.getBoundingBox().x));
            out.add(line.stream().map(w -> new RegistrationReading.Word(w.getText().strip(),
                    Math.max(0, Math.min(1, w.getConfidence() / 100.0)))).toList());
        }
        return out;
    }
}
