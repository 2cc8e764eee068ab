package app.comptoir.inspections.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.comptoir.inspections.application.InspectionVerifications;
import app.comptoir.platform.PageController;

/**
 * The public verification page of an inspection ({@code /verify/{slug}/{code}}, the QR code of its report and
 * certificate), no sign-in, in French or English ({@code ?lang=}): the centre, the number, date, kind and outcome,
 * whether it is valid today, the vehicle's category, brand and model and its plate masked but for the last two
 * characters; no owner, contact, VIN, odometer, comment or photo. An unknown business or code answers a 404 page
 * saying the certificate is unknown. Neither is indexed by search engines.
 */
@PageController
class VerificationPages {

    private final InspectionVerifications verifications;

    VerificationPages(InspectionVerifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/verify/{slug}/{code}")
    String verify(@PathVariable String slug, @PathVariable String code, Locale locale, Model model,
                  HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        // the standing changes with the day: a cached copy would say "valid" after the date
        response.setHeader("Cache-Control", "no-store");
        Optional<InspectionVerifications.Verification> found = verifications.verify(slug, code);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "inspections/public/unknown";
        }
        InspectionVerifications.Verification v = found.get();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        model.addAttribute("v", v);
        model.addAttribute("date", day.format(v.completedAt().atZone(ZoneId.of(v.zone()))));
        model.addAttribute("validUntil", v.validUntil() == null ? null : day.format(v.validUntil()));
        model.addAttribute("counterVisitBefore", v.counterVisitBefore() == null ? null
                : day.format(v.counterVisitBefore()));
        return "inspections/public/verify";
    }
}
