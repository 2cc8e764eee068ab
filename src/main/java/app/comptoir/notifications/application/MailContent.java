package app.comptoir.notifications.application;

import java.util.List;

/**
 * What an e-mail says, already in the recipient's language; the {@code notifications/mail/mail} templates lay it
 * out in HTML and plain text, under the business's name and logo.
 *
 * @param heading    the first line, as a title
 * @param paragraphs the body
 * @param action     the button's label (null: no button)
 * @param url        the button's absolute link (null: no button)
 * @param note       a smaller line under the button (validity of a link, why they receive it), or null
 */
public record MailContent(String heading, List<String> paragraphs, String action, String url, String note) {

    public MailContent {
        paragraphs = List.copyOf(paragraphs);
    }
}
