package app.comptoir.sales;

import java.util.List;
import java.util.UUID;

/** The sales customer of an online shopper: their name, e-mail, phone and addresses (default delivery first). */
public record OnlineCustomer(UUID id, String name, String email, String phone, List<OnlineAddress> addresses) {
}
