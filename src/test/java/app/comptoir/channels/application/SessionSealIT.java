package app.comptoir.channels.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.channels.ChannelsTesting;
import app.comptoir.channels.FakeVinted;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Key rotation without downtime: a session sealed under the previous key still opens once the key changed (the
 * previous one listed in {@code previous-encryption-keys}), and is sealed again with the new key as it is opened;
 * a deployment without the key that sealed it cannot open it.
 */
@IntegrationTest
class SessionSealIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountStore accounts;

    @Autowired
    JsonMapper json;

    @Autowired
    TenantContext tenants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ComptoirProperties properties;

    @Autowired
    ChannelSettings settings;

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private ChannelSecrets seal(String key, List<String> previous) {
        return new ChannelSecrets(new ChannelSettings(key, previous, settings.vinted(), settings.jobs(),
                settings.pairing(), settings.sync()), properties, json, accounts);
    }

    private <T> T as(UUID tenant, Supplier<T> work) {
        return tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    @Test
    void aSessionSealedUnderThePreviousKeyOpensAfterTheRotationAndIsSealedAgainWithTheNewKey() throws Exception {
        Account admin = Api.newBusiness(port, "Friperie rotation");
        FakeVinted.Login login = FakeVinted.shared().login("rotation");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String before = newKey();
        String after = newKey();
        ChannelSecrets old = seal(before, List.of());
        ChannelSecrets.Session session = new ChannelSecrets.Session(login.cookies(), login.csrfToken(), login.anonId());
        as(admin.tenantId(), () -> {
            accounts.reseal(admin.tenantId(), account, old.seal(admin.tenantId(), account, session));
            return null;
        });

        ChannelSecrets rotated = seal(after, List.of(before));
        ChannelSecrets.Session opened = as(admin.tenantId(), () -> {
            try {
                return rotated.open(accounts.find(admin.tenantId(), account).orElseThrow());
            } catch (SecretSeal.Unreadable e) {
                throw new AssertionError(e);
            }
        });

        assertThat(opened.cookies()).isEqualTo(Map.copyOf(login.cookies()));
        assertThat(opened.csrfToken()).isEqualTo(login.csrfToken());
        AccountStore.Stored stored = as(admin.tenantId(), () -> accounts.find(admin.tenantId(), account).orElseThrow());
        assertThat(stored.secrets().keyId()).isEqualTo(rotated.currentKeyId()).isNotEqualTo(old.currentKeyId());
        assertThatThrownBy(() -> old.open(stored)).isInstanceOf(SecretSeal.Unreadable.class);
        assertThat(seal(after, List.of()).open(stored).anonId()).isEqualTo(login.anonId());
    }
}
