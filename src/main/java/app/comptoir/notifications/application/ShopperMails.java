package app.comptoir.notifications.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.Formats;
import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.ShopperPasswordResetRequested;
import app.comptoir.storefront.ShopperRegistered;
import app.comptoir.storefront.ShopperVerificationRequested;

/**
 * The e-mails of a shop's customer accounts (storefront's events), in the shopper's language and with the shop's
 * name: the link that verifies their address at registration (and any new one they ask for), and the link that sets
 * a new password. Written once per link (the source key holds a digest of the token, never the token). The shopper
 * typed the address themselves, so the mail goes out for a demo shop too.
 */
@Component
class ShopperMails {

    /** The listeners' ids in the event publication registry (stable across renames). */
    static final String ON_REGISTERED = "notifications.mail-shopper-registered";
    static final String ON_VERIFICATION = "notifications.mail-shopper-verification";
    static final String ON_RESET = "notifications.mail-shopper-password-reset";

    private final Mails mails;
    private final SiteLinks links;
    private final Formats formats;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    ShopperMails(Mails mails, SiteLinks links, Formats formats, TenantContext tenantContext,
                 PlatformTransactionManager txManager) {
        this.mails = mails;
        this.links = links;
        this.formats = formats;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @ApplicationModuleListener(id = ON_REGISTERED, propagation = Propagation.NOT_SUPPORTED)
    void on(ShopperRegistered e) {
        verification(e.tenantId(), e.shopperId(), e.slug(), e.shopName(), e.email(), e.name(), e.locale(), e.token(),
                e.expiresAt(), "storefront.mail.welcome");
    }

    @ApplicationModuleListener(id = ON_VERIFICATION, propagation = Propagation.NOT_SUPPORTED)
    void on(ShopperVerificationRequested e) {
        verification(e.tenantId(), e.shopperId(), e.slug(), e.shopName(), e.email(), e.name(), e.locale(), e.token(),
                e.expiresAt(), "storefront.mail.verify");
    }

    @ApplicationModuleListener(id = ON_RESET, propagation = Propagation.NOT_SUPPORTED)
    void on(ShopperPasswordResetRequested e) {
        send(e.tenantId(), "shopper-reset:" + e.shopperId() + ":" + Mails.digest(e.token()), e.email(), e.locale(),
                "shopper-password-reset", e.shopName(), e.name(), "storefront.mail.reset",
                "/shop/" + e.slug() + "/account/reset?token=" + encode(e.token()), e.expiresAt());
    }

    private void verification(UUID tenant, UUID shopper, String slug, String shop, String email, String name,
                              String locale, String token, Instant expiresAt, String texts) {
        send(tenant, "shopper-verify:" + shopper + ":" + Mails.digest(token), email, locale, "shopper-verification",
                shop, name, texts, "/shop/" + slug + "/account/verify?token=" + encode(token), expiresAt);
    }

    /** One mail of texts {@code <texts>.subject|heading|body|action|note}, with its link. */
    private void send(UUID tenant, String sourceKey, String email, String tag, String template, String shop, String name,
                      String texts, String path, Instant expiresAt) {
        tenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> {
            Locale locale = AccountMails.locale(tag);
            String greeting = name == null || name.isBlank() ? mails.text(locale, "mail.greeting.anonymous")
                    : mails.text(locale, "mail.greeting", name);
            MailContent content = new MailContent(mails.text(locale, texts + ".heading", shop),
                    List.of(greeting, mails.text(locale, texts + ".body", shop)),
                    mails.text(locale, texts + ".action"), links.absolute(path),
                    mails.text(locale, texts + ".note", formats.dateTime(expiresAt, locale)));
            mails.queue(new Mails.MailRequest(tenant, sourceKey, email, locale, template,
                    mails.text(locale, texts + ".subject", shop), content, null, null, null));
        }));
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
