package app.comptoir.channels.domain;

import java.util.Set;

/** Where a listing stands on its marketplace. */
public enum ListingState {
    DRAFT, PUBLISHING, PUBLISHED, WITHDRAWN, SOLD, FAILED;

    /** Whether a publish job may start from here. */
    public boolean publishable() {
        return Set.of(DRAFT, FAILED, WITHDRAWN).contains(this);
    }

    /** Whether an update job may start from here: only an item live on the marketplace can be changed there. */
    public boolean updatable() {
        return this == PUBLISHED;
    }

    /** Whether a withdraw job may start from here. */
    public boolean withdrawable() {
        return this == PUBLISHED || this == PUBLISHING;
    }
}
