package app.comptoir.sales.domain;

/** Why a delivery did not happen, as the driver picks it on their phone. */
public enum FailedDeliveryReason {
    /** Nobody answered at the address. */
    ABSENT,
    /** The customer refused the goods. */
    REFUSED,
    /** The address could not be found or is wrong. */
    WRONG_ADDRESS,
    /** Anything else: the driver's note says what. */
    OTHER
}
