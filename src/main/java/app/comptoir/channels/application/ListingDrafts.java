package app.comptoir.channels.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.comptoir.assistant.DescriptionRequest;
import app.comptoir.assistant.GeneratedDescription;
import app.comptoir.assistant.ProductDescriptions;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.catalog.VariantView;
import app.comptoir.channels.domain.ListingPreparation;
import app.comptoir.channels.domain.MappingKind;

/**
 * Completes a typed listing draft from the variant's product: title without the attributes' noise, description (the
 * assistant's, written for Vinted, when the business has a language model; else the product's), price through the
 * pricing rule, category, brand, size, condition and colour through the mapping tables. What the user typed wins.
 * A variant the catalog does not know leaves the draft as typed.
 */
@Component
class ListingDrafts {

    private static final Logger log = LoggerFactory.getLogger(ListingDrafts.class);
    private static final Set<String> SIZE_OPTIONS = Set.of("taille", "size", "pointure");
    /** The assistant's name of its built-in writer (no language model). */
    private static final String BUILTIN = "builtin";
    private static final Set<String> COLOUR_OPTIONS = Set.of("couleur", "colour", "color", "coloris");

    /** The draft with its missing fields filled where possible, and why each still-missing field is missing. */
    record Completed(Listings.Draft draft, Map<String, String> gaps) {
    }

    private final CatalogQueries catalog;
    private final ChannelMappings mappings;
    private final ProductDescriptions descriptions;
    private final MessageSource messages;

    ListingDrafts(CatalogQueries catalog, ChannelMappings mappings, ProductDescriptions descriptions,
                  MessageSource messages) {
        this.catalog = catalog;
        this.mappings = mappings;
        this.descriptions = descriptions;
        this.messages = messages;
    }

    Completed complete(Listings.Draft typed) {
        if (typed.variantId() == null) {
            return new Completed(typed, Map.of());
        }
        Optional<VariantSummary> summary = catalog.variant(typed.variantId());
        Optional<ProductView> product = summary.flatMap(s -> catalog.product(s.productId()));
        if (product.isEmpty()) {
            return new Completed(typed, Map.of());
        }
        ProductView p = product.get();
        VariantView variant = p.variants().stream().filter(v -> v.id().equals(typed.variantId())).findFirst()
                .orElse(null);
        if (variant == null) {
            return new Completed(typed, Map.of());
        }
        String categoryId = p.categoryId() == null ? null : p.categoryId().toString();
        String categoryName = p.categoryId() == null ? null : mappings.categoryNames().get(p.categoryId());
        String size = p.secondHand().size() != null ? p.secondHand().size() : option(variant, SIZE_OPTIONS);
        ListingPreparation.Facts facts = new ListingPreparation.Facts(p.name(), p.description(), categoryId,
                categoryName, p.brand(), p.secondHand().condition() == null ? null : p.secondHand().condition().name(),
                size, p.secondHand().material(), option(variant, COLOUR_OPTIONS), variant.price());
        ListingPreparation.Prepared prepared = ListingPreparation.prepare(facts, mappings.mappingTable(),
                mappings.pricingRule());
        String description = typed.description() != null ? typed.description()
                : description(typed.variantId(), prepared.description());
        Listings.Draft draft = new Listings.Draft(typed.accountId(), typed.variantId(),
                first(typed.title(), prepared.title()), description, first(typed.price(), prepared.price()),
                first(typed.catalogId(), prepared.catalogId()), first(typed.statusId(), prepared.statusId()),
                first(typed.brand(), prepared.brand()), first(typed.sizeId(), prepared.sizeId()),
                typed.colorIds() != null && !typed.colorIds().isEmpty() ? typed.colorIds() : prepared.colorIds(),
                first(typed.brandId(), prepared.brandId()));
        Map<String, String> gaps = new LinkedHashMap<>();
        for (ListingPreparation.Gap gap : prepared.gaps()) {
            gaps.put(gap.field(), explain(gap));
        }
        return new Completed(draft, gaps);
    }

    /**
     * The description of a listing: the assistant's text for Vinted when the business has a language model (its
     * provider is not the built-in writer); else the product's own description; else the built-in writer's text.
     */
    private String description(UUID variantId, String productDescription) {
        GeneratedDescription written = null;
        try {
            written = descriptions.describe(new DescriptionRequest(null, variantId, TargetPlatform.VINTED, null, null,
                    null));
        } catch (RuntimeException e) {
            // A provider that fails must not stop a listing: the product's own description goes instead.
            log.warn("The assistant wrote no Vinted description for variant {}: {}", variantId, e.getMessage());
        }
        String text = written == null || written.description() == null || written.description().isBlank() ? null
                : written.description().strip();
        boolean model = written != null && !BUILTIN.equals(written.provider());
        String chosen = model && text != null ? text : productDescription != null ? productDescription : text;
        return chosen == null || chosen.length() <= 2000 ? chosen : chosen.substring(0, 2000);
    }

    /** Why a field stays empty, in the reader's language, naming the value and where to map it. */
    private String explain(ListingPreparation.Gap gap) {
        Locale locale = LocaleContextHolder.getLocale();
        String kind = gap.kind().name().toLowerCase(Locale.ROOT);
        if (gap.value() == null) {
            return messages.getMessage("channels.gap." + kind + ".none", null, locale);
        }
        String value = gap.kind() == MappingKind.CONDITION
                ? messages.getMessage("catalog.condition." + gap.value(), null, gap.value(), locale) : gap.value();
        return messages.getMessage("channels.gap." + kind, new Object[] {value}, locale);
    }

    private static String option(VariantView variant, Set<String> names) {
        return variant.options().entrySet().stream()
                .filter(e -> names.contains(e.getKey().strip().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static <T> T first(T typed, T prepared) {
        if (typed instanceof String text && text.isBlank()) {
            return prepared;
        }
        return typed != null ? typed : prepared;
    }
}
