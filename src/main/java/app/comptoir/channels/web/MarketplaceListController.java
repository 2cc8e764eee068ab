package app.comptoir.channels.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.MarketplaceLists;

/** Vinted's own lists (categories, brands, sizes, conditions, colours and their ids), to pick the ids of mappings. */
@RestController
@Tag(name = "Channels: mappings and pricing")
class MarketplaceListController {

    private final MarketplaceLists lists;

    MarketplaceListController(MarketplaceLists lists) {
        this.lists = lists;
    }

    @GetMapping("/api/v1/channels/accounts/{id}/vinted-lists/{kind}")
    @Operation(summary = "One of Vinted's lists as fetched through the account, searched",
            description = "kind: category (Vinted's catalogs, with the path of their parents as group), brand (searched"
                    + " on Vinted by keyword), size (with its size group), condition, colour. q filters the entries by"
                    + " name, group or id (case and accents ignored); page and size page them. Answers what was fetched"
                    + " before (fetchedAt); a list never fetched is fetched now for those who may change the catalog"
                    + " (a read of Vinted: the rate cap does not count it). 409 account-paused, account-expired,"
                    + " demo-account or marketplace-unavailable when Vinted cannot be asked.")
    MarketplaceLists.Found list(@PathVariable UUID id, @PathVariable String kind,
                                @RequestParam(required = false) String keyword, @RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lists.find(id, kind, keyword, q, page, size);
    }

    @PostMapping("/api/v1/channels/accounts/{id}/vinted-lists/{kind}/refresh")
    @Operation(summary = "Fetch one of Vinted's lists again through the account (a read: the rate cap does not count it)",
            description = "keyword: for brands, the name searched. 409 account-paused (a 429 or an anti-bot challenge"
                    + " pauses the account as for a job), account-expired, demo-account or marketplace-unavailable.")
    MarketplaceLists.Found refresh(@PathVariable UUID id, @PathVariable String kind,
                                   @RequestParam(required = false) String keyword) {
        return lists.refresh(id, kind, keyword);
    }
}
