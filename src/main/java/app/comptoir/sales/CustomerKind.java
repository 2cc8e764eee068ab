package app.comptoir.sales;

/** A customer is a person or a company. */
public enum CustomerKind { PERSON, COMPANY }
