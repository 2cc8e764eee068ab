package app.comptoir.inspections.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the registration-document scan ({@code comptoir.inspections.ocr}): where Tesseract's language data
 * is ({@code data-path}, Debian's by default), the languages to read with ({@code language}: French, and English,
 * which reads codes such as VINs better), how Tesseract splits the page ({@code page-segmentation}: 4, one column of
 * lines of varied sizes, keeps the one-letter labels that the automatic layout drops as noise), how many scans may run at once on a node ({@code concurrent}: each holds
 * an engine and a large picture in memory) and how long a scan waits for its turn ({@code wait}).
 */
@ConfigurationProperties("comptoir.inspections.ocr")
public record OcrSettings(@DefaultValue("/usr/share/tesseract-ocr/5/tessdata") String dataPath,
                          @DefaultValue("fra+eng") String language, @DefaultValue("4") int pageSegmentation,
                          @DefaultValue("2") int concurrent,
                          @DefaultValue("20s") Duration waitForTurn) {
}
