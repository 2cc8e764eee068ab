package app.comptoir.assistant.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chat agent under {@code comptoir.assistant.chat.*}: the tokens a conversation may use (prompt and
 * completion, all model calls together), how many tool rounds one message may take, and how many earlier messages
 * are sent back to the model with a new one.
 */
@ConfigurationProperties("comptoir.assistant.chat")
public record ChatSettings(@DefaultValue("20000") int tokenBudget, @DefaultValue("6") int maxToolRounds,
                           @DefaultValue("20") int historyMessages) {
}
