package app.comptoir.channels.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One outside marketplace, as the listings, jobs and rate cap see it. Each method that changes something there
 * (upload, publish, update, withdraw) is one mutating request, counted by the rate cap before it is called. An
 * adapter throws {@link MarketplaceException} for every answer that is not a success, with the kind the job
 * runner reacts to (pause, expire, fail, check before retrying).
 */
public interface MarketplaceAdapter {

    /** The account kind it drives, as stored ({@code VINTED_WEB}). */
    String kind();

    /** The session or keys of one account, opened from their seal for the duration of one call. */
    record Credentials(String host, Map<String, String> cookies, String csrfToken, String anonId, long userId) {

        @Override
        public String toString() {
            return "Credentials[host=" + host + ", userId=" + userId + ", secrets hidden]";
        }
    }

    /** The fields of an item as the marketplace knows them ({@code brandId}: the brand's id there, when mapped). */
    record Item(String title, String description, java.math.BigDecimal price, String currency, Long catalogId,
                String brand, Long sizeId, Long statusId, List<Long> colorIds, Long brandId) {
    }

    /** A photo stored on the marketplace. */
    record Photo(long id, String url) {
    }

    /** An item of the account on the marketplace, as its wardrobe shows it. */
    record RemoteItem(long id, String title, java.math.BigDecimal price, boolean closed, boolean reserved,
                      boolean hidden, boolean sold) {
    }

    /** Uploads one photo (a mutating request). */
    Photo uploadPhoto(Credentials credentials, byte[] image, String fileName);

    /** Publishes an item; returns its id there. Not idempotent: an unknown outcome is checked in the wardrobe. */
    long publish(Credentials credentials, Item item, List<Photo> photos, UUID uploadSession);

    /** Changes a published item. */
    void update(Credentials credentials, long remoteId, Item item, List<Photo> photos);

    /** Takes an item off the marketplace. */
    void withdraw(Credentials credentials, long remoteId);

    /** The state of one item. */
    RemoteItem item(Credentials credentials, long remoteId);

    /** The account's items (first page, newest first). */
    List<RemoteItem> wardrobe(Credentials credentials);

    /**
     * One entry of the marketplace's own lists (its categories, brands, sizes, conditions, colours): its id, its name
     * and what it belongs to (a category's parents, a size's group), for a person to pick the id a mapping needs.
     */
    record ListEntry(long id, String label, String group) {
    }

    /**
     * One of the marketplace's lists, as its site serves it to the logged-in user ({@code keyword}: the brands whose
     * name matches it; ignored for the other lists). A read: the rate cap does not count it.
     */
    List<ListEntry> list(Credentials credentials, app.comptoir.channels.domain.MappingKind kind, String keyword);
}
