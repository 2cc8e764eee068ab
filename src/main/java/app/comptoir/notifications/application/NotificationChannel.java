package app.comptoir.notifications.application;

/**
 * A channel adapter (in-app, e-mail, web push). The dispatcher calls {@link #deliver} inside its own
 * transaction for each notice the recipient's preferences route to {@link #channel()}; an adapter that
 * talks to the outside world only queues there (a delivery log row) and sends afterwards with retries.
 */
public interface NotificationChannel {

    /** The channel this adapter delivers. */
    Channel channel();

    /** Delivers (or queues) one notice; must ignore a notice whose id it has already taken. */
    void deliver(Notice notice);
}
