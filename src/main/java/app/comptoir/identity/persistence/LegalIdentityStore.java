package app.comptoir.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.identity.LegalIdentity;

/**
 * The businesses' legal identities (table {@code tenant_legal_identities}, one row per business). A save is
 * one upsert: the last writer wins, as for the other settings.
 */
@Repository
public class LegalIdentityStore {

    private static final String COLUMNS = """
            legal_name, legal_form, address_line1, address_line2, postal_code, city, country, siren, siret,
            vat_number, ninea, rccm, iban, bic, bank_name, payment_days, payment_terms, legal_mentions""";

    private final JdbcClient jdbc;

    public LegalIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LegalIdentity> find(UUID tenant) {
        return jdbc.sql("select " + COLUMNS + ", logo is not null as has_logo from tenant_legal_identities"
                        + " where tenant_id = ?")
                .param(tenant).query(LegalIdentityStore::identity).optional();
    }

    public void save(UUID tenant, LegalIdentity i, Instant now, UUID by) {
        jdbc.sql("insert into tenant_legal_identities (tenant_id, " + COLUMNS + ", updated_at, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id) do update set (" + COLUMNS + ", updated_at, updated_by,"
                        + " version) = (excluded.legal_name, excluded.legal_form, excluded.address_line1,"
                        + " excluded.address_line2, excluded.postal_code, excluded.city, excluded.country,"
                        + " excluded.siren, excluded.siret, excluded.vat_number, excluded.ninea, excluded.rccm,"
                        + " excluded.iban, excluded.bic, excluded.bank_name, excluded.payment_days,"
                        + " excluded.payment_terms, excluded.legal_mentions, excluded.updated_at, excluded.updated_by,"
                        + " tenant_legal_identities.version + 1)")
                .params(tenant, i.legalName(), i.legalForm(), i.addressLine1(), i.addressLine2(), i.postalCode(),
                        i.city(), i.country(), i.siren(), i.siret(), i.vatNumber(), i.ninea(), i.rccm(), i.iban(),
                        i.bic(), i.bankName(), i.paymentDays(), i.paymentTerms(), i.legalMentions(),
                        Timestamp.from(now), by)
                .update();
    }

    public Optional<LegalIdentity.Logo> logo(UUID tenant) {
        return jdbc.sql("select logo, logo_type from tenant_legal_identities where tenant_id = ? and logo is not null")
                .param(tenant).query((rs, n) -> new LegalIdentity.Logo(rs.getBytes(1), rs.getString(2))).optional();
    }

    /** Stores (or, with null, removes) the logo, creating the row if the business saved nothing else yet. */
    public void changeLogo(UUID tenant, LegalIdentity.Logo logo, Instant now, UUID by) {
        jdbc.sql("""
                insert into tenant_legal_identities (tenant_id, logo, logo_type, updated_at, updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set logo = excluded.logo, logo_type = excluded.logo_type,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = tenant_legal_identities.version + 1""")
                .params(tenant, logo == null ? null : logo.bytes(), logo == null ? null : logo.mediaType(),
                        Timestamp.from(now), by)
                .update();
    }

    private static LegalIdentity identity(ResultSet rs, int row) throws SQLException {
        Integer days = rs.getObject("payment_days") == null ? null : rs.getInt("payment_days");
        return new LegalIdentity(rs.getString("legal_name"), rs.getString("legal_form"), rs.getString("address_line1"),
                rs.getString("address_line2"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("country"), rs.getString("siren"), rs.getString("siret"), rs.getString("vat_number"),
                rs.getString("ninea"), rs.getString("rccm"), rs.getString("iban"), rs.getString("bic"),
                rs.getString("bank_name"), days, rs.getString("payment_terms"), rs.getString("legal_mentions"),
                rs.getBoolean("has_logo"));
    }
}
