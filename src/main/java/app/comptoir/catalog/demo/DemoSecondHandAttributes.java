package app.comptoir.catalog.demo;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second-hand attributes of the {@code seconde-main} demo business's one-off items (condition, size, material;
 * the brand is already the product's), by SKU, in the order of {@link SmallShopCatalogs#secondHand()}: set in bulk
 * right after its catalog is loaded, in the same transaction.
 */
final class DemoSecondHandAttributes {

    static final String SLUG = "seconde-main";

    /** SKU, condition, size, material. */
    private static final List<String[]> ITEMS = List.of(
            new String[] {"SM-0001", "VERY_GOOD", "38", "viscose"},
            new String[] {"SM-0002", "GOOD", "T2", "lin"},
            new String[] {"SM-0003", "VERY_GOOD", "1", "laine"},
            new String[] {"SM-0004", "NEW_WITH_TAGS", "0", "coton"},
            new String[] {"SM-0005", "GOOD", "40", "coton"},
            new String[] {"SM-0006", "VERY_GOOD", "M", "cachemire"},
            new String[] {"SM-0007", "VERY_GOOD", "38", "coton"},
            new String[] {"SM-0008", "GOOD", "S", "coton (jean)"},
            new String[] {"SM-0009", "VERY_GOOD", "S", "polyamide"},
            new String[] {"SM-0010", "VERY_GOOD", "L", "coton"},
            new String[] {"SM-0011", "GOOD", "M", "coton (flanelle)"},
            new String[] {"SM-0012", "VERY_GOOD", "W32 L32", "coton (denim)"},
            new String[] {"SM-0013", "GOOD", "W34", "coton"},
            new String[] {"SM-0014", "NEW_WITH_TAGS", "L", "coton"},
            new String[] {"SM-0015", "GOOD", "M", "coton"},
            new String[] {"SM-0016", "GOOD", "6 mois", "coton"},
            new String[] {"SM-0017", "VERY_GOOD", "4 ans", "laine"},
            new String[] {"SM-0018", "GOOD", "3 ans", "velours de coton"},
            new String[] {"SM-0019", "VERY_GOOD", "M", "nylon et cuir"},
            new String[] {"SM-0020", "VERY_GOOD", null, "soie"},
            new String[] {"SM-0021", "GOOD", null, "cuir"},
            new String[] {"SM-0022", "VERY_GOOD", "39", "cuir"},
            new String[] {"SM-0023", "GOOD", "41", "cuir"},
            new String[] {"SM-0024", "NEW_WITH_TAGS", "38", "toile de coton"});

    private DemoSecondHandAttributes() {
    }

    /** Sets the attributes on the business's products that have these SKUs; returns how many products changed. */
    static int fill(JdbcTemplate jdbc, UUID tenantId) {
        int[][] counts = jdbc.batchUpdate("""
                update products p set item_condition = ?, item_size = ?, item_material = ?
                  from variants v
                 where v.tenant_id = ? and v.sku = ? and v.deleted_at is null
                   and p.tenant_id = v.tenant_id and p.id = v.product_id""", ITEMS, ITEMS.size(), (ps, item) -> {
                    ps.setString(1, item[1]);
                    ps.setString(2, item[2]);
                    ps.setString(3, item[3]);
                    ps.setObject(4, tenantId);
                    ps.setString(5, item[0]);
                });
        int changed = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                changed += Math.max(count, 0);
            }
        }
        return changed;
    }
}
