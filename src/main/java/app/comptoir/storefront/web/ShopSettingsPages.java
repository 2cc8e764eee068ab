package app.comptoir.storefront.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.storefront.application.ShopSettings;
import app.comptoir.storefront.domain.DeliveryRules;

/**
 * The online shop's delivery settings page ({@code /app/settings/shop}, administrators): flat fee, free from an
 * amount, postcode zones (one per line: {@code name: prefixes = fee}) and delivery slots (one per line:
 * {@code label = capacity}).
 */
@PageController
@RequestMapping("/app/settings/shop")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class ShopSettingsPages {

    private final ShopSettings settings;

    ShopSettingsPages(ShopSettings settings) {
        this.settings = settings;
    }

    /** The form: amounts as typed, zones and slots as lines of text. */
    record SettingsForm(String flatFee, String freeAbove, String zones, Boolean slotsEnabled, String daysAhead,
                        String slots) {
    }

    @GetMapping
    String show(Model model) {
        DeliveryRules r = settings.rules();
        StringBuilder zones = new StringBuilder();
        r.zones().forEach(z -> zones.append(z.name()).append(": ").append(String.join(" ", z.prefixes()))
                .append(" = ").append(z.fee().toPlainString()).append('\n'));
        StringBuilder slots = new StringBuilder();
        r.slots().perDay().forEach(s -> slots.append(s.label()).append(" = ").append(s.capacity()).append('\n'));
        model.addAttribute("form", new SettingsForm(r.flatFee().toPlainString(),
                r.freeAbove() == null ? "" : r.freeAbove().toPlainString(), zones.toString().strip(),
                r.slots().enabled(), r.slots().enabled() ? Integer.toString(r.slots().daysAhead()) : "7",
                slots.toString().strip()));
        return "storefront/settings";
    }

    @PostMapping
    String save(@ModelAttribute("form") SettingsForm form, Model model, RedirectAttributes redirect) {
        List<String> errors = new ArrayList<>();
        try {
            BigDecimal flat = form.flatFee() == null ? null : amount(form.flatFee(), "flatFee", errors);
            BigDecimal free = form.freeAbove() == null || form.freeAbove().isBlank() ? null
                    : amount(form.freeAbove(), "freeAbove", errors);
            List<DeliveryRules.Zone> zones = new ArrayList<>();
            lines(form.zones()).forEach(line -> {
                int colon = line.indexOf(':');
                int equals = line.lastIndexOf('=');
                if (colon < 1 || equals < colon) {
                    errors.add(line);
                    return;
                }
                BigDecimal fee = amount(line.substring(equals + 1), "zones", errors);
                zones.add(new DeliveryRules.Zone(line.substring(0, colon).strip(),
                        Arrays.stream(line.substring(colon + 1, equals).trim().split("[\\s,;]+"))
                                .filter(p -> !p.isBlank()).toList(), fee));
            });
            List<DeliveryRules.Slot> slots = new ArrayList<>();
            lines(form.slots()).forEach(line -> {
                int equals = line.lastIndexOf('=');
                try {
                    slots.add(new DeliveryRules.Slot(line.substring(0, equals).strip(),
                            Integer.parseInt(line.substring(equals + 1).strip())));
                } catch (RuntimeException e) {
                    errors.add(line);
                }
            });
            int days;
            try {
                days = form.daysAhead() == null || form.daysAhead().isBlank() ? 0 : Integer.parseInt(form.daysAhead().strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (!errors.isEmpty()) {
                model.addAttribute("unreadable", errors);
                return "storefront/settings";
            }
            settings.save(new DeliveryRules(flat, free, zones,
                    new DeliveryRules.Slots(Boolean.TRUE.equals(form.slotsEnabled()), days, slots)));
            redirect.addFlashAttribute("flash", "storefront.settings.saved");
            return "redirect:/app/settings/shop";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.errors().stream().map(f -> f.field() + " : " + f.message()).toList());
            return "storefront/settings";
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static BigDecimal amount(String text, String field, List<String> errors) {
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
        } catch (RuntimeException e) {
            errors.add(field + " = " + text);
            return BigDecimal.ZERO;
        }
    }
}
