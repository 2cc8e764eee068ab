package app.comptoir.identity.demo;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.comptoir.identity.LegalIdentity;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.domain.LegalIdentityRules;
import app.comptoir.identity.persistence.LegalIdentityStore;
import app.comptoir.identity.persistence.TenantRepository;

/**
 * The demo businesses' legal identities (fictitious but valid numbers: SIREN/SIRET pass Luhn, VAT keys and IBANs
 * their checks), written in the transaction that creates the business, so the first documents already print them.
 */
@Component
class DemoLegalIdentities {

    private static final String FRENCH_TERMS = "Paiement à 30 jours par virement ou chèque.";

    private static final Map<String, LegalIdentity> IDENTITIES = Map.of(
            "jardin-des-lilas", new LegalIdentity("Jardin des Lilas SARL", "SARL au capital de 20 000 €",
                    "12 rue des Lilas", null, "69003", "Lyon", "FR", "812345676", "81234567600017", "FR19812345676",
                    null, null, "FR7630006000011234567890189", "AGRIFRPP", "Crédit Agricole Centre-Est", 30,
                    FRENCH_TERMS, null, false),
            "seconde-main", new LegalIdentity("Seconde Main", "Entreprise individuelle", "4 place Sathonay", null,
                    "69001", "Lyon", "FR", "823456785", "82345678500018", "FR72823456785", null, null,
                    "FR9310096000501234567890112", "CMCIFRPP", "Crédit Mutuel", 0, "Paiement à réception.", null,
                    false),
            "express-livraison", new LegalIdentity("Express Livraison SAS", "SAS au capital de 5 000 €",
                    "87 avenue Jean Jaurès", null, "69007", "Lyon", "FR", "834567893", "83456789300013",
                    "FR25834567893", null, null, "FR7520041010071234567A02012", "PSSTFRPP", "La Banque Postale", 15,
                    "Paiement à 15 jours par virement.", null, false),
            "boutique-awa", new LegalIdentity("Boutique Awa", "Entreprise individuelle", "Rue 10, Médina", null,
                    "11000", "Dakar", "SN", null, null, null, "005123456 2G3", "SN-DKR-2019-A-12345",
                    "SN31SN0100152000001234567890", "SGSNSNDA", "Société Générale Sénégal", 0,
                    "Paiement comptant à la livraison.", null, false),
            "ct-du-centre", new LegalIdentity("CT du Centre SARL", "SARL au capital de 8 000 €",
                    "3 boulevard de l'Europe", null, "69310", "Pierre-Bénite", "FR", "845678903", "84567890300012",
                    "FR72845678903", null, null, null, null, null, 0, "Paiement sur place à l'issue du contrôle.",
                    null, false));

    private final LegalIdentityStore store;
    private final TenantRepository tenants;
    private final Clock clock;

    DemoLegalIdentities(LegalIdentityStore store, TenantRepository tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @EventListener
    void fill(TenantCreated event) {
        LegalIdentity identity = IDENTITIES.get(event.slug());
        if (event.demo() && identity != null) {
            tenants.flush(); // the tenant's row, saved through JPA in this transaction, must exist for the key
            store.save(event.tenantId(), LegalIdentityRules.check(identity), clock.instant(), null);
        }
    }
}
