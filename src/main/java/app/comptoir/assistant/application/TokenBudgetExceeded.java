package app.comptoir.assistant.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** The conversation has used its token budget: 409, nothing sent to the provider; a new conversation starts afresh. */
public class TokenBudgetExceeded extends ComptoirException {

    public TokenBudgetExceeded(long used, long budget) {
        super(HttpStatus.CONFLICT, "assistant-token-budget-exceeded", "This conversation has used " + used
                + " of its " + budget + " tokens; nothing was sent to the provider. Start a new conversation.");
    }
}
