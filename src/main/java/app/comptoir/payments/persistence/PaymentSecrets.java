package app.comptoir.payments.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.payments.application.PaymentsSettings;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.SecretSeal;

/**
 * The seal of the businesses' payment provider keys: {@code comptoir.payments.encryption-key}, or the key kept in
 * {@code <data-dir>/payments-encryption.key}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentSecrets {

    @Bean
    SecretSeal paymentSecretSeal(PaymentsSettings settings, ComptoirProperties properties) {
        return new SecretSeal("comptoir.payments", settings.encryptionKey(), settings.previousEncryptionKeys(),
                properties.dataDir().resolve("payments-encryption.key"));
    }
}
