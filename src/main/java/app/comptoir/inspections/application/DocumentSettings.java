package app.comptoir.inspections.application;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the documents kept for vehicles ({@code comptoir.inspections.documents}): the seal's key
 * ({@code encryption-key}, Base64 of 32 bytes, else a key kept in {@code <data-dir>/inspections-encryption.key};
 * {@code previous-encryption-keys} still open older rows) and whether their deletion at the end of the retention
 * period is planned in the background through db-scheduler ({@code background}; tests run it by hand).
 */
@ConfigurationProperties("comptoir.inspections.documents")
public record DocumentSettings(String encryptionKey, List<String> previousEncryptionKeys,
                               @DefaultValue("true") boolean background) {
}
