package app.comptoir.sales.domain;

import java.util.List;

/**
 * Where a quote stands: {@code DRAFT → SENT → ACCEPTED | REJECTED | EXPIRED}. A sent quote whose validity
 * date has passed reads as {@code EXPIRED}.
 */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED;

    /** The statuses this one may move to. */
    public List<QuoteStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(SENT);
            case SENT -> List.of(ACCEPTED, REJECTED, EXPIRED);
            case ACCEPTED, REJECTED, EXPIRED -> List.of();
        };
    }

    public boolean canMoveTo(QuoteStatus target) {
        return next().contains(target);
    }
}
