package app.comptoir.storefront.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import app.comptoir.inspections.InspectionDocuments;
import app.comptoir.inspections.MotoristInspections;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * The motorist's space in the customer account of an inspection centre ({@code /shop/{slug}/account/inspections}):
 * the vehicles the centre files under the account's verified e-mail address, their next due date and past
 * inspections, with the report and certificate PDFs. An unverified address sees why nothing is shown and how to verify
 * it (the address is what ties the account to the centre's vehicles); a business without inspections has no such
 * page (404). Never cached.
 */
@PageController
@RequestMapping("/shop/{slug}/account/inspections")
class ShopMotoristPages {

    /** A due date this close (or past) is pointed out. */
    static final int SOON_DAYS = 31;

    private final ShopBusinesses shops;
    private final ShopVisitors visitors;
    private final MotoristInspections motorists;

    ShopMotoristPages(ShopBusinesses shops, ShopVisitors visitors, MotoristInspections motorists) {
        this.shops = shops;
        this.visitors = visitors;
        this.motorists = motorists;
    }

    /** A vehicle as the page shows it: the facts and how close its due date is (OVERDUE, SOON, LATER or null). */
    record VehicleRow(MotoristInspections.MotoristVehicle vehicle, String dueState) {
    }

    @GetMapping
    String inspections(@PathVariable String slug, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        ShopBusiness shop = centre(slug, model);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return ShopAccountPages.toLogin(slug, "/shop/" + slug + "/account/inspections");
        }
        SignedInShopper s = shopper.get();
        model.addAttribute("email", s.email());
        model.addAttribute("verified", s.emailVerified());
        List<VehicleRow> rows = List.of();
        if (s.emailVerified()) {
            LocalDate today = LocalDate.now(ZoneId.of(shop.zone()));
            rows = shops.as(shop, () -> motorists.vehicles(s.email())).stream()
                    .map(v -> new VehicleRow(v, dueState(v.nextDue(), today))).toList();
        }
        model.addAttribute("vehicles", rows);
        return "storefront/account/inspections";
    }

    @GetMapping("/{inspectionId}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String slug, @PathVariable UUID inspectionId, Locale locale,
                                  HttpServletRequest request) {
        ShopBusiness shop = centre(slug, null);
        Optional<SignedInShopper> s = visitors.signedIn(request, shop);
        if (s.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/inspections/" + inspectionId + "/report.pdf");
        }
        String email = verified(s.get());
        return pdf(shops.as(shop, () -> motorists.report(email, inspectionId, language(locale))), inspectionId);
    }

    @GetMapping("/{inspectionId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String slug, @PathVariable UUID inspectionId, Locale locale,
                                       HttpServletRequest request) {
        ShopBusiness shop = centre(slug, null);
        Optional<SignedInShopper> s = visitors.signedIn(request, shop);
        if (s.isEmpty()) {
            return toLogin(slug, "/shop/" + slug + "/account/inspections/" + inspectionId + "/certificate.pdf");
        }
        String email = verified(s.get());
        return pdf(shops.as(shop, () -> motorists.certificate(email, inspectionId, language(locale))), inspectionId);
    }

    static String dueState(LocalDate due, LocalDate today) {
        if (due == null) {
            return null;
        }
        if (due.isBefore(today)) {
            return "OVERDUE";
        }
        return due.isAfter(today.plusDays(SOON_DAYS)) ? "LATER" : "SOON";
    }

    private ShopBusiness centre(String slug, Model model) {
        ShopBusiness shop = shops.accounts(slug);
        if (!shop.inspections()) {
            throw new NotFoundException("Shop", slug);
        }
        return model == null ? shop : ShopAccountPages.show(shop, model);
    }

    /** The shopper's address when verified: the documents are not found for an unverified one. */
    private static String verified(SignedInShopper shopper) {
        if (!shopper.emailVerified()) {
            throw new NotFoundException("Inspection", null);
        }
        return shopper.email();
    }

    /** A visitor not signed in (a link from an e-mail) signs in first, then gets the document. */
    private static ResponseEntity<byte[]> toLogin(String slug, String next) {
        String to = ShopAccountPages.toLogin(slug, next).substring("redirect:".length());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(to)).build();
    }

    private static ResponseEntity<byte[]> pdf(Optional<InspectionDocuments.Attachment> document, UUID id) {
        InspectionDocuments.Attachment a = document.orElseThrow(() -> new NotFoundException("Inspection", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(a.fileName()).build()
                        .toString())
                .body(a.pdf());
    }

    private static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
