package app.comptoir.channels.domain;

/** What a publication job does on the marketplace. */
public enum JobKind {
    PUBLISH, UPDATE, WITHDRAW, SYNC
}
