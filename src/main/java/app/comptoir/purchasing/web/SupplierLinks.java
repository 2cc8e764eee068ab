package app.comptoir.purchasing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import app.comptoir.purchasing.persistence.SupplierView;

/** The links that reach a supplier from a phone: WhatsApp and the map (templates call {@code @supplierLinks}). */
@Component("supplierLinks")
public class SupplierLinks {

    /** {@code https://wa.me/<digits>}: the phone's digits (with its country code when it was typed with one). */
    public String whatsapp(String phone) {
        return whatsappOf(phone);
    }

    /** The supplier's address on OpenStreetMap, or null without one. */
    public String map(SupplierView supplier) {
        return mapOf(supplier);
    }

    static String whatsappOf(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 6 ? null : "https://wa.me/" + digits;
    }

    static String mapOf(SupplierView s) {
        String place = String.join(", ", Stream.of(s.address(), s.city())
                .filter(t -> t != null && !t.isBlank()).toList());
        return place.isEmpty() ? null
                : "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(place, StandardCharsets.UTF_8);
    }
}
