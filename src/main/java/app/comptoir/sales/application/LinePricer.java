package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.domain.Pricing;

/**
 * Turns requested lines into priced lines from the catalog (one query for all the variants). The catalog's
 * prices are in the business's current mode (including VAT or not); a quote or order priced in the other mode
 * (made before the business changed its setting) gets them converted at each variant's VAT rate.
 */
@Component
public class LinePricer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CatalogQueries catalog;
    private final Tenants tenants;

    LinePricer(CatalogQueries catalog, Tenants tenants) {
        this.catalog = catalog;
        this.tenants = tenants;
    }

    /**
     * Prices the lines of a document whose unit prices include VAT if {@code pricesIncludeVat}; {@code field}
     * names them in errors ({@code lines}).
     */
    public List<LineView> price(String field, List<LineRequest> requests, String currency, boolean pricesIncludeVat) {
        if (requests == null || requests.isEmpty()) {
            return List.of();
        }
        if (requests.size() > Order.MAX_LINES) {
            throw InvalidInputException.field(field, "must have at most " + Order.MAX_LINES + " lines");
        }
        for (int i = 0; i < requests.size(); i++) {
            LineRequest r = requests.get(i);
            String f = field + "[" + i + "]";
            if (r == null || r.variantId() == null) {
                throw InvalidInputException.field(f + ".variantId", "is required");
            }
            if (r.quantity() == null || r.quantity() < 1 || r.quantity() > 100_000) {
                throw InvalidInputException.field(f + ".quantity", "must be between 1 and 100000");
            }
            if (r.discount() != null && (r.discount().signum() < 0 || r.discount().compareTo(HUNDRED) > 0
                    || r.discount().stripTrailingZeros().scale() > 2)) {
                throw InvalidInputException.field(f + ".discount", "must be a percentage from 0 to 100 with at most 2 decimals");
            }
            Checks.amount(f + ".unitPrice", r.unitPrice(), currency);
        }
        boolean catalogIncludesVat = tenants.current().pricesIncludeVat();
        Map<UUID, VariantSummary> variants = catalog.variants(requests.stream().map(LineRequest::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LineRequest r = requests.get(i);
            VariantSummary v = variants.get(r.variantId());
            if (v == null) {
                throw InvalidInputException.field(field + "[" + i + "].variantId", "is not a variant of the catalog");
            }
            if (!v.active() || v.productStatus() != ProductStatus.ACTIVE) {
                throw InvalidInputException.field(field + "[" + i + "].variantId", v.sku() + " is not for sale");
            }
            BigDecimal unitPrice = r.unitPrice() == null
                    ? Money.round(inMode(v.price(), v.vatRate(), catalogIncludesVat, pricesIncludeVat), currency)
                    : Checks.amount("unitPrice", r.unitPrice(), currency);
            BigDecimal discount = r.discount() == null ? BigDecimal.ZERO.setScale(2) : r.discount().setScale(2);
            lines.add(new LineView(Ids.newId(), v.id(), v.sku(), truncate(v.label(), 300), r.quantity(), unitPrice,
                    discount, v.vatRate(), Pricing.lineNet(r.quantity(), unitPrice, discount, v.vatRate(), pricesIncludeVat,
                    currency), 0));
        }
        return lines;
    }

    private static BigDecimal inMode(BigDecimal price, BigDecimal vatRate, boolean from, boolean to) {
        if (from == to) {
            return price;
        }
        BigDecimal withVat = HUNDRED.add(vatRate);
        return to ? price.multiply(withVat).divide(HUNDRED) : price.multiply(HUNDRED).divide(withVat, 6, RoundingMode.HALF_UP);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
