package app.comptoir.platform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.stereotype.Component;

/**
 * Turns an XHTML page into a PDF (openhtmltopdf on PDFBox), with the DejaVu Sans font shipped in the jar embedded
 * (subset), so every document prints the same on every machine and in every language.
 *
 * <p>An e-invoice is rendered as PDF/A-3 (level U: embedded fonts, Unicode text, sRGB output intent) with its XML
 * attached as the Factur-X standard requires: file {@code factur-x.xml}, relationship {@code Alternative}, listed in
 * the catalog's {@code /AF}, and XMP metadata carrying the Factur-X extension schema (document type, file name,
 * version, conformance level) next to the PDF/A identification.
 */
@Component
public class PdfRenderer {

    /** The font family templates name in their CSS. */
    public static final String FONT = "DejaVu Sans";

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final byte[] regular = resource("/fonts/DejaVuSans.ttf");
    private final byte[] bold = resource("/fonts/DejaVuSans-Bold.ttf");
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** An XML file to attach to a PDF/A-3 e-invoice, with the Factur-X metadata describing it. */
    public record FacturXAttachment(String fileName, byte[] xml, String documentType, String conformanceLevel) {
    }

    /** A PDF of the page. */
    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = builder(xhtml);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF/A-3 of the page with the XML attached as its Factur-X twin. */
    public byte[] renderFacturX(String xhtml, String title, FacturXAttachment attachment, Instant at) {
        PdfRendererBuilder builder = builder(xhtml)
                .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U)
                .useColorProfile(srgb)
                .withProducer("Comptoir");
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            Calendar when = GregorianCalendar.from(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
            when.setTimeZone(TimeZone.getTimeZone("UTC"));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setProducer("Comptoir");
            info.setCreator("Comptoir");
            info.setCreationDate(when);
            info.setModificationDate(when);
            attach(document, attachment, when);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp(title, attachment, at).getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(metadata);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfRendererBuilder builder(String xhtml) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        return builder;
    }

    private static void attach(PDDocument document, FacturXAttachment attachment, Calendar when) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.xml()));
        file.setSubtype("text/xml");
        file.setSize(attachment.xml().length);
        file.setCreationDate(when);
        file.setModDate(when);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(attachment.fileName());
        spec.setFileUnicode(attachment.fileName());
        spec.setFileDescription("Factur-X invoice");
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(attachment.fileName(), spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        COSArray af = new COSArray();
        af.add(spec);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    private static String xmp(String title, FacturXAttachment a, Instant at) {
        String date = XMP_DATE.format(at.atOffset(ZoneOffset.UTC));
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                <pdfaid:part>3</pdfaid:part>
                <pdfaid:conformance>U</pdfaid:conformance>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:format>application/pdf</dc:format>
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>Comptoir</rdf:li></rdf:Seq></dc:creator>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                <pdf:Producer>Comptoir</pdf:Producer>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                <xmp:CreatorTool>Comptoir</xmp:CreatorTool>
                <xmp:CreateDate>%2$s</xmp:CreateDate>
                <xmp:ModifyDate>%2$s</xmp:ModifyDate>
                <xmp:MetadataDate>%2$s</xmp:MetadataDate>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
                <fx:DocumentType>%3$s</fx:DocumentType>
                <fx:DocumentFileName>%4$s</fx:DocumentFileName>
                <fx:Version>1.0</fx:Version>
                <fx:ConformanceLevel>%5$s</fx:ConformanceLevel>
                </rdf:Description>
                <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq>
                %6$s
                </rdf:Seq></pdfaSchema:property>
                </rdf:li></rdf:Bag></pdfaExtension:schemas>
                </rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escape(title), date, a.documentType(), a.fileName(),
                a.conformanceLevel(), properties());
    }

    private static String properties() {
        StringBuilder s = new StringBuilder();
        for (List<String> p : List.of(
                List.of("DocumentFileName", "The name of the embedded XML document"),
                List.of("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"),
                List.of("Version", "The actual version of the standard applying to the embedded XML document"),
                List.of("ConformanceLevel", "The conformance level of the embedded XML document"))) {
            s.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(p.get(0))
                    .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                    .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                    .append(p.get(1)).append("</pdfaProperty:description></rdf:li>\n");
        }
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
