package app.comptoir.channels.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.Listings;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.channels.persistence.ListingStore;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageResponse;

/** Listings on marketplace accounts and their publication jobs. */
@RestController
@Tag(name = "Channels: listings")
class ListingController {

    private final Listings listings;

    ListingController(Listings listings) {
        this.listings = listings;
    }

    @PostMapping("/api/v1/channels/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a listing of a variant on a marketplace account",
            description = "{accountId, variantId, title (5-100), description?, price (> 0), catalogId, statusId,"
                    + " brand?, sizeId?, colorIds?}: every wrong field is listed at once (400, errors[]).")
    ListingStore.Listing draft(@RequestBody(required = false) Listings.Draft body) {
        if (body == null) {
            throw InvalidInputException.field("body", "required");
        }
        return listings.draft(body);
    }

    @PostMapping("/api/v1/channels/listings/prepare")
    @Operation(summary = "The fields a listing of a variant would get, and its field errors, without drafting it",
            description = "Same body as drafting ({accountId, variantId} is enough): the fields not given are prepared"
                    + " from the variant's product through the mapping tables and the pricing rule; answers {fields,"
                    + " errors[]} (200 even with errors: nothing is stored or sent), for a form to show before saving.")
    Listings.Prepared prepare(@RequestBody(required = false) Listings.Draft body) {
        if (body == null) {
            throw InvalidInputException.field("body", "required");
        }
        return listings.prepare(body);
    }

    @GetMapping("/api/v1/channels/listings")
    @Operation(summary = "The business's listings, newest first")
    PageResponse<ListingStore.Listing> list(@RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        int p = Math.min(Math.max(0, page), 100_000);
        int s = Math.min(Math.max(1, size), 200);
        return new PageResponse<>(listings.list(p, s), listings.count(), p, s);
    }

    @GetMapping("/api/v1/channels/listings/{id}")
    @Operation(summary = "A listing, its jobs and its publication history")
    Listings.Detail get(@PathVariable UUID id) {
        return listings.detail(id);
    }

    @PostMapping("/api/v1/channels/listings/{id}/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue the publication of the listing (a job; 409 when already published or on its way)")
    PublicationJobStore.Job publish(@PathVariable UUID id) {
        return listings.publish(id);
    }

    @PostMapping("/api/v1/channels/listings/{id}/update")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue an update of a published listing on its marketplace (a job: the fields, then the"
            + " product's current pictures)",
            description = "Optional body {title?, description?, price?, catalogId?, statusId?, brand?, sizeId?,"
                    + " colorIds?, brandId?}: each field given wins; each left out is prepared afresh from the"
                    + " variant's product (mappings, pricing rule) and stays as it was when the product cannot give"
                    + " it. 400 lists every wrong field; 409 listing-state when the listing is not published,"
                    + " 409 listing-busy when one of its jobs is not finished yet.")
    PublicationJobStore.Job update(@PathVariable UUID id, @RequestBody(required = false) Listings.Changes body) {
        return listings.update(id, body);
    }

    @PostMapping("/api/v1/channels/listings/{id}/withdraw")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue the withdrawal of the listing from its marketplace (a job)")
    PublicationJobStore.Job withdraw(@PathVariable UUID id) {
        return listings.withdraw(id);
    }

    @PostMapping("/api/v1/channels/listings/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue a status check of the listing on its marketplace (sold, closed, hidden)")
    PublicationJobStore.Job sync(@PathVariable UUID id) {
        return listings.sync(id);
    }

    @GetMapping("/api/v1/channels/jobs/{id}")
    @Operation(summary = "A publication job: state, attempts, error, when it may run next")
    PublicationJobStore.Job job(@PathVariable UUID id) {
        return listings.job(id);
    }
}
