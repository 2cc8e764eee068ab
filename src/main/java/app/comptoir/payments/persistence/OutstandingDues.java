package app.comptoir.payments.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.payments.SubjectType;

/**
 * The subjects that still owe something: their due above what was paid (succeeded payments) less what was given
 * back (refunds not failed), in one statement that aggregates the business's payments and refunds per subject.
 */
@Repository
public class OutstandingDues {

    private final JdbcClient jdbc;

    OutstandingDues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each subject of the type owing something, with what is left to collect. */
    public Map<UUID, BigDecimal> of(UUID tenant, SubjectType type) {
        Map<UUID, BigDecimal> result = new LinkedHashMap<>();
        jdbc.sql("""
                        with paid as (select subject_id, sum(amount) as paid from payments
                                       where tenant_id = ? and subject_type = ? and status = 'SUCCEEDED'
                                       group by subject_id),
                        refunded as (select p.subject_id, sum(r.amount) as refunded from payment_refunds r
                                       join payments p on p.tenant_id = r.tenant_id and p.id = r.payment_id
                                      where r.tenant_id = ? and p.subject_type = ? and r.status <> 'FAILED'
                                      group by p.subject_id)
                        select d.subject_id, d.amount_due - coalesce(paid.paid, 0) + coalesce(refunded.refunded, 0)
                          from payment_dues d
                          left join paid on paid.subject_id = d.subject_id
                          left join refunded on refunded.subject_id = d.subject_id
                         where d.tenant_id = ? and d.subject_type = ?
                           and d.amount_due > coalesce(paid.paid, 0) - coalesce(refunded.refunded, 0)""")
                .params(tenant, type.name(), tenant, type.name(), tenant, type.name())
                .query((ResultSet rs) -> {
                    result.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                });
        return result;
    }
}
