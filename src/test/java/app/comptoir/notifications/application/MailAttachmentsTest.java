package app.comptoir.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Several attachments stored in the mail log's one column come back as they went in; one is stored as it is. */
class MailAttachmentsTest {

    @Test
    void oneFileIsStoredAsItIs() {
        byte[] pdf = "%PDF-1.7 one".getBytes(StandardCharsets.US_ASCII);
        MailAttachments.Packed packed = MailAttachments.pack(List.of(new MailAttachments.File("devis.pdf", pdf)));

        assertThat(packed.name()).isEqualTo("devis.pdf");
        assertThat(packed.bytes()).isEqualTo(pdf);
        assertThat(MailAttachments.unpack(packed.name(), packed.bytes())).singleElement()
                .satisfies(f -> assertThat(f.bytes()).isEqualTo(pdf));
    }

    @Test
    void severalFilesComeBackInOrderWithTheirNames() {
        byte[] report = "%PDF report".getBytes(StandardCharsets.US_ASCII);
        byte[] certificate = "%PDF certificate".getBytes(StandardCharsets.US_ASCII);
        MailAttachments.Packed packed = MailAttachments.pack(List.of(new MailAttachments.File("PV-1.pdf", report),
                new MailAttachments.File("PV-1.pdf", certificate)));

        List<MailAttachments.File> files = MailAttachments.unpack(packed.name(), packed.bytes());

        assertThat(files).extracting(MailAttachments.File::name).containsExactly("PV-1.pdf", "PV-1.pdf");
        assertThat(files.get(0).bytes()).isEqualTo(report);
        assertThat(files.get(1).bytes()).isEqualTo(certificate);
    }

    @Test
    void noFileIsNothing() {
        assertThat(MailAttachments.pack(List.of())).isEqualTo(new MailAttachments.Packed(null, null));
        assertThat(MailAttachments.unpack(null, null)).isEmpty();
    }
}
