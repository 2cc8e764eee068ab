package app.comptoir.sales.domain;

import static app.comptoir.sales.domain.SampleOrders.NOW;
import static app.comptoir.sales.domain.SampleOrders.draft;
import static app.comptoir.sales.domain.SampleOrders.in;
import static app.comptoir.sales.domain.SampleOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.sales.OrderStatus;

/** The in-place quantity of a draft's line. */
class LineQuantityTest {

    @Test
    void changingAQuantityKeepsThePriceAndRetotalsTheOrder() {
        LineView pot = line(2, 0);
        Order order = draft(pot, line(1, 0));

        LineView changed = order.changeQuantity(pot.id(), 5, NOW);

        assertThat(changed.quantity()).isEqualTo(5);
        assertThat(changed.unitPrice()).isEqualByComparingTo(pot.unitPrice());
        assertThat(changed.net()).isEqualByComparingTo("50.00");
        assertThat(order.lines().getFirst()).isEqualTo(changed);
        assertThat(order.totals().net()).isEqualByComparingTo("60.00");
        assertThat(order.totals().gross()).isEqualByComparingTo(new BigDecimal("72.00"));
    }

    @Test
    void aQuantityOutsideOneToAHundredThousandIsRefusedOnItsField() {
        LineView pot = line(2, 0);
        Order order = draft(pot);

        for (Integer wrong : new Integer[] {null, 0, -1, 100_001}) {
            assertThatThrownBy(() -> order.changeQuantity(pot.id(), wrong, NOW)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("quantity");
        }
        assertThat(order.lines().getFirst().quantity()).isEqualTo(2);
    }

    @Test
    void onlyADraftsLinesChange() {
        LineView pot = line(2, 0);
        Order order = in(OrderStatus.CONFIRMED, pot);

        assertThatThrownBy(() -> order.changeQuantity(pot.id(), 3, NOW)).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.type()).isEqualTo("order-not-draft"));
    }

    @Test
    void anotherOrdersLineIsNotFound() {
        Order order = draft(line(2, 0));

        assertThatThrownBy(() -> order.changeQuantity(UUID.randomUUID(), 3, NOW)).isInstanceOf(NotFoundException.class);
    }
}
