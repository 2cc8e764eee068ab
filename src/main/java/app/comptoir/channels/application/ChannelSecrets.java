package app.comptoir.channels.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.SecretSeal;

/**
 * Seals and opens an account's session material (cookies, CSRF token, anon id) with the channels' own key, bound to
 * the business and the account (a sealed value copied to another row does not open). The key is
 * {@code comptoir.channels.encryption-key}, else one kept in {@code <data-dir>/channels-encryption.key}. A value sealed with a previous
 * key is sealed again with the current one the first time it is opened.
 */
@Component
public class ChannelSecrets {

    /** What a Vinted web session is made of; never logged (its toString hides it). */
    public record Session(Map<String, String> cookies, String csrfToken, String anonId) {

        @Override
        public String toString() {
            return "Session[" + cookies.size() + " cookies, hidden]";
        }
    }

    /**
     * The cookie that marks a demo account's made-up session: the job runner sends nothing to a marketplace for it
     * (a demo business must never reach the real Vinted).
     */
    public static final String DEMO_COOKIE = "comptoir_demo";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ChannelSettings.class)
    static class Settings {
    }

    private final SecretSeal seal;
    private final JsonMapper json;
    private final AccountStore accounts;

    ChannelSecrets(ChannelSettings settings, ComptoirProperties properties, JsonMapper json, AccountStore accounts) {
        // the module's own seal (not a bean: each module keeps its key to itself)
        this.seal = new SecretSeal("comptoir.channels", settings.encryptionKey(), settings.previousEncryptionKeys(),
                properties.dataDir().resolve("channels-encryption.key"));
        this.json = json;
        this.accounts = accounts;
    }

    /** Seals the session for this account of this business. */
    public SecretSeal.Sealed seal(UUID tenant, UUID account, Session session) {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("cookies", session.cookies());
        plain.put("csrfToken", session.csrfToken());
        plain.put("anonId", session.anonId());
        return seal.seal(json.writeValueAsString(plain), associated(tenant, account));
    }

    /** The id of the key that seals new values. */
    public String currentKeyId() {
        return seal.currentKeyId();
    }

    /** Opens the account's session (re-sealing it with the current key when an older one sealed it). */
    public Session open(AccountStore.Stored account) throws SecretSeal.Unreadable {
        if (account.secrets() == null) {
            throw new IllegalStateException("account " + account.id() + " has no session");
        }
        String text = seal.open(account.secrets(), associated(account.tenantId(), account.id()));
        JsonNode node = json.readTree(text);
        Map<String, String> cookies = new LinkedHashMap<>();
        node.path("cookies").properties().forEach(e -> cookies.put(e.getKey(), e.getValue().asString("")));
        Session session = new Session(cookies, node.path("csrfToken").asString(null), node.path("anonId").asString(null));
        if (!seal.currentKeyId().equals(account.secrets().keyId())) {
            accounts.reseal(account.tenantId(), account.id(), seal(account.tenantId(), account.id(), session));
        }
        return session;
    }

    private static String associated(UUID tenant, UUID account) {
        return "channels:" + tenant + ":" + account;
    }
}
