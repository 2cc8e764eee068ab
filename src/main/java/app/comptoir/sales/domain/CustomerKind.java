package app.comptoir.sales.domain;

/** A customer is a person or a company. */
public enum CustomerKind { PERSON, COMPANY }
