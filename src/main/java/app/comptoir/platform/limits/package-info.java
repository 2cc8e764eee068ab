/**
 * Where the throttles and rate caps count ({@link app.comptoir.platform.SharedCounters}): PostgreSQL by default,
 * Redis when configured, memory for a single node; and the optional Redis connection itself.
 */
package app.comptoir.platform.limits;
