package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The legal identity page's fields, one fragment for all of them: each labelled, its error underneath and
 * described by it, the codes (SIRET, VAT number, IBAN) in a fixed-width font without spell checking.
 */
@IntegrationTest
class LegalIdentityPageIT {

    @LocalServerPort
    int port;

    @Test
    void everyFieldIsLabelledAndAWrongCodeShowsItsErrorUnderneath() {
        Account owner = Api.newBusiness(port, "Jardinerie Légale");
        WebSession web = new WebSession(port);
        web.signIn(owner.email(), owner.password());
        String page = web.get("/app/settings/legal").body();
        for (String field : new String[] {"legalName", "legalForm", "addressLine1", "addressLine2", "postalCode", "city",
                "country", "siren", "siret", "vatNumber", "ninea", "rccm", "bankName", "iban", "bic"}) {
            assertThat(page).as(field).containsPattern("<label for=\"" + field + "\" class=\"form-label\">[^<]+</label>")
                    .containsPattern("<input type=\"text\" class=\"form-control[^\"]*\"[^>]*id=\"" + field + "\"");
        }
        assertThat(page).containsPattern("class=\"form-control font-monospace\"[^>]*autocapitalize=\"characters\""
                + "[^>]*spellcheck=\"false\"[^>]*id=\"siret\"")
                .containsPattern("<input type=\"text\" class=\"form-control\" aria-describedby=\"bankName-error\"");

        WebSession.Page refused = web.post("/app/settings/legal", Map.of("legalName", "Jardinerie Légale SARL",
                "siret", "812 345 676 00018"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).containsPattern("class=\"form-control font-monospace is-invalid\"[^>]*id=\"siret\"")
                .containsPattern("<div class=\"invalid-feedback\" id=\"siret-error\">[^<]*14 chiffres");
    }
}
