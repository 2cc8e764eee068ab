package app.comptoir.platform;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Bounds paging parameters the same way for every list. */
public final class PageRequests {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    private PageRequests() {
    }

    /** A page request with page ≥ 0 and 1 ≤ size ≤ {@link #MAX_SIZE}; out-of-range values are refused. */
    public static PageRequest of(int page, int size, Sort sort) {
        if (page < 0) {
            throw InvalidInputException.field("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.field("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(page, size, sort);
    }
}
