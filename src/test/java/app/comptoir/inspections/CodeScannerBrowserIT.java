package app.comptoir.inspections;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.platform.QrCodes;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The platform's code scanner at the inspection centre's reception, in a browser without {@code BarcodeDetector}
 * (Firefox, Safari, Chrome on Linux or Windows): the JavaScript decoder shipped with the application reads the
 * booking's QR code from a photo (pixel-perfect, as a screenshot) and from the camera (chromium's fake camera playing a
 * video the test draws), and the appointment's check-in opens; a photo without a code and a refused camera say so in
 * French; Escape closes the camera.
 */
@IntegrationTest
class CodeScannerBrowserIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int VIDEO_WIDTH = 640;
    private static final int VIDEO_HEIGHT = 480;
    private static final String LIBRARY = "html5-qrcode.min.js";
    private static final Pattern LIBRARY_URL = Pattern.compile(".*/webjars/html5-qrcode/.*html5-qrcode\\.min\\.js$");
    private static final Path CAMERA = fakeCamera();

    /** As in the browsers that have no BarcodeDetector, whatever chromium this machine has. */
    private static final String WITHOUT_BARCODE_DETECTOR = "delete window.BarcodeDetector;";

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860)
            .withArgs("--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + CAMERA);

    @LocalServerPort
    int port;

    private Account centre;
    private LocalDate day;
    private String manageUrl;
    private final List<String> libraryLoads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aMotoristHasBooked() {
        centre = Api.newBusiness(port, "CT du Scanner");
        Api.as(port, centre).body(Map.of("horizonDays", 60, "minNoticeMinutes", 0)).put("/api/v1/bookings/settings")
                .then().statusCode(200);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            hours.add(Map.of("weekday", d, "opensAt", "07:00", "closesAt", "20:00"));
        }
        String lane = Api.as(port, centre).body(Map.of("name", "Ligne 1", "kind", "LANE", "capacity", 1, "hours", hours))
                .post("/api/v1/bookings/resources").then().statusCode(201).extract().path("id");
        String service = Api.as(port, centre).body(Map.of("name", "Contrôle technique", "durationMinutes", 45,
                        "price", "78.00", "vehicleCategories", List.of("M1"), "resourceIds", List.of(lane)))
                .post("/api/v1/bookings/services").then().statusCode(201).extract().<String>path("id");
        day = LocalDate.now(PARIS).plusDays(1);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        manageUrl = Api.given(port).body(Map.of("serviceId", service,
                        "start", day.atTime(9, 0).atZone(PARIS).toInstant().toString(), "customerName", "Jean Dupont",
                        "phone", "06 12 34 56 78", "email", "jean.dupont@example.test", "vehiclePlate", "AB-123-CD",
                        "vehicleCategory", "M1"))
                .post("/api/v1/booking/" + centre.tenantSlug() + "/appointments").then().statusCode(201)
                .extract().path("manageUrl");
    }

    @Test
    void aPhotoOfTheBookingsQrCodeOpensItsCheckIn() throws IOException {
        Page page = receptionWithoutBarcodeDetector();

        choosePhoto(page, QrCodes.png(manageUrl, 300));

        page.waitForURL(Pattern.compile(".*/app/inspections/arrival\\?appointment=.*"));
        assertThat(page.locator("[data-appointment]")).containsText("Jean Dupont");
        assertThat(page.locator("#plate")).hasValue("AB-123-CD");
        org.assertj.core.api.Assertions.assertThat(libraryLoads).as("the JavaScript decoder did the reading")
                .containsExactly(LIBRARY);
    }

    @Test
    void aPhotoWithoutACodeSaysSoAndTheCodeCanStillBeTyped() throws IOException {
        Page page = receptionWithoutBarcodeDetector();

        choosePhoto(page, blankPng());

        assertThat(page.locator("[data-code-scanner-status]")).containsText("Aucun code lisible sur cette photo");
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("/app/inspections?day=");
        page.locator("#scan-code").fill(manageUrl);
        page.locator("#scan-code").press("Enter");
        page.waitForURL(Pattern.compile(".*/app/inspections/arrival\\?appointment=.*"));
    }

    @Test
    void theCameraReadsTheQrCodeAndEscapeClosesIt() {
        Page page = receptionWithoutBarcodeDetector();
        page.context().grantPermissions(List.of("camera"));
        showToTheCamera(List.of(blankFrame()));

        // the camera opens on nothing to read; Escape closes it and gives the focus back to the button
        page.locator("[data-code-scanner-camera]").click();
        assertThat(page.locator("[data-code-scanner-status]")).containsText("Présentez le code à la caméra");
        assertThat(page.locator("[data-code-scanner-view] video")).hasCount(1);
        assertThat(page.locator("[data-code-scanner-camera]")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("[data-code-scanner-camera]")).hasText("Arrêter la caméra");
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-code-scanner-view]")).isHidden();
        assertThat(page.locator("[data-code-scanner-view] video")).hasCount(0);
        assertThat(page.locator("[data-code-scanner-camera]")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("[data-code-scanner-camera]")).isFocused();

        // the customer shows the confirmation's QR code: read, the check-in opens
        showToTheCamera(qrFrames(manageUrl));
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/app/inspections/arrival\\?appointment=.*"));
        assertThat(page.locator("[data-appointment]")).containsText("Jean Dupont");
        org.assertj.core.api.Assertions.assertThat(libraryLoads).containsExactly(LIBRARY);
    }

    @Test
    void aRefusedCameraSaysWhatToDoInstead() {
        Page page = receptionWithoutBarcodeDetector();
        page.context().clearPermissions();

        page.locator("[data-code-scanner-camera]").click();

        assertThat(page.locator("[data-code-scanner-status]")).containsText("La caméra est refusée à cette page");
        assertThat(page.locator("[data-code-scanner-view]")).isHidden();
        assertThat(page.locator("#scan-code")).isFocused();
    }

    private Page receptionWithoutBarcodeDetector() {
        Page page = browsers.page();
        page.addInitScript(WITHOUT_BARCODE_DETECTOR);
        page.onResponse(response -> {
            if (LIBRARY_URL.matcher(response.url()).matches() && response.status() == 200) {
                libraryLoads.add(LIBRARY);
            }
        });
        Browsers.signIn(page, centre.email(), centre.password());
        page.navigate("/app/inspections?day=" + day);
        assertThat(page.locator("[data-arrivals] [data-arrival]")).hasCount(1);
        assertThat(page.locator("[data-code-scanner-photo]")).isVisible();
        assertThat(page.locator("[data-code-scanner-camera]")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("'BarcodeDetector' in window")).isEqualTo(false);
        org.assertj.core.api.Assertions.assertThat(libraryLoads).as("loaded on first use only").isEmpty();
        return page;
    }

    private static void choosePhoto(Page page, byte[] png) throws IOException {
        Path photo = Files.createTempFile("code", ".png");
        Files.write(photo, png);
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("[data-code-scanner-photo]").click());
        chooser.setFiles(photo);
    }

    private static byte[] blankPng() throws IOException {
        BufferedImage white = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                white.setRGB(x, y, 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(white, "png", out);
        return out.toByteArray();
    }

    // The fake camera's file, in the YUV4MPEG2 format chromium plays (in a loop) as the camera's picture: it exists
    // before the browser starts, and each test draws what the camera shows before opening it.
    private static Path fakeCamera() {
        try {
            Path file = Files.createTempFile("fake-camera", ".y4m");
            Files.write(file, y4m(List.of(blankFrame())));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void showToTheCamera(List<byte[]> frames) {
        try {
            Files.write(CAMERA, y4m(frames));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] blankFrame() {
        byte[] luma = new byte[VIDEO_WIDTH * VIDEO_HEIGHT];
        java.util.Arrays.fill(luma, (byte) 235);
        return luma;
    }

    /**
     * The QR code as the platform renders it, held up to the camera at a few angles, as grey levels: a hand is never
     * still, and the decoder's ZXing port misses some codes held straight (see code-scanner.js).
     */
    private static List<byte[]> qrFrames(String text) {
        try {
            BufferedImage qr = ImageIO.read(new ByteArrayInputStream(QrCodes.png(text, 300)));
            List<byte[]> frames = new ArrayList<>();
            for (int degrees : new int[] {0, 45, -20, 30}) {
                BufferedImage frame = new BufferedImage(VIDEO_WIDTH, VIDEO_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = frame.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, VIDEO_WIDTH, VIDEO_HEIGHT);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.rotate(Math.toRadians(degrees), VIDEO_WIDTH / 2.0, VIDEO_HEIGHT / 2.0);
                g.drawImage(qr, (VIDEO_WIDTH - qr.getWidth()) / 2, (VIDEO_HEIGHT - qr.getHeight()) / 2, null);
                g.dispose();
                byte[] luma = new byte[VIDEO_WIDTH * VIDEO_HEIGHT];
                frame.getRaster().getDataElements(0, 0, VIDEO_WIDTH, VIDEO_HEIGHT, luma);
                frames.add(luma);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each frame of 4:2:0 video five times (half a second at 10 frames a second): grey levels, neutral chroma. */
    private static byte[] y4m(List<byte[]> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("YUV4MPEG2 W" + VIDEO_WIDTH + " H" + VIDEO_HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chroma = new byte[VIDEO_WIDTH * VIDEO_HEIGHT / 4];
        java.util.Arrays.fill(chroma, (byte) 128);
        for (byte[] luma : frames) {
            for (int repeat = 0; repeat < 5; repeat++) {
                writeFrame(out, luma, chroma);
            }
        }
        return out.toByteArray();
    }

    private static void writeFrame(OutputStream out, byte[] luma, byte[] chroma) throws IOException {
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(luma);
        out.write(chroma);
        out.write(chroma);
    }
}
