package app.comptoir.notifications.application;

/** A way of telling a user; preferences choose them per user and event type. */
public enum Channel {
    /** The notification centre behind the bell of the back office. */
    IN_APP,
    /** An e-mail to the user's address. */
    EMAIL,
    /** A web push notification to each device the user subscribed. */
    PUSH
}
