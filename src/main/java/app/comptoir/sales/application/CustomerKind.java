package app.comptoir.sales.application;

/** A customer is a person or a company. */
public enum CustomerKind { PERSON, COMPANY }
