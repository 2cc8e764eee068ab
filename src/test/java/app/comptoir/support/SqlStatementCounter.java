package app.comptoir.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements each HTTP request executes, whether they come from Hibernate or
 * JdbcTemplate, keyed by the request id ({@code X-Request-Id}), so tests can prove that a list or
 * a detail costs a fixed number of queries whatever its size (no N+1). It wraps the application's
 * DataSource in every integration test (picked up by component scanning, so the shared context is
 * the same for every test class).
 *
 * <p>Left out: what every request pays whatever it serves, the staff API's shared rate-limit counters (table
 * {@code shared_counter}, one statement per limit) and the web session's own reads and writes (Spring Session's
 * {@code spring_session} tables). They are counted apart, in {@link #overhead(String)}.
 */
@Component
public class SqlStatementCounter implements BeanPostProcessor {

    private static final java.util.regex.Pattern OVERHEAD = java.util.regex.Pattern.compile(
            "\\b(shared_counter|spring_session(_attributes)?)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Map<String, AtomicInteger> byRequest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> overheadByRequest = new ConcurrentHashMap<>();

    /** The statements executed so far while serving the request with this id. */
    public int statements(String requestId) {
        AtomicInteger count = byRequest.get(requestId);
        return count == null ? 0 : count.get();
    }

    /** The statements of the per-request overhead (rate-limit counters, web session) while serving the request. */
    public int overhead(String requestId) {
        AtomicInteger count = overheadByRequest.get(requestId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private void executed(String sql) {
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            (sql != null && OVERHEAD.matcher(sql).find() ? overheadByRequest : byRequest)
                    .computeIfAbsent(requestId, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private Connection connection(Connection target) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                        if (result instanceof CallableStatement s) {
                            return statement(s, CallableStatement.class, prepared);
                        }
                        if (result instanceof PreparedStatement s) {
                            return statement(s, PreparedStatement.class, prepared);
                        }
                        if (result instanceof Statement s && method.getName().equals("createStatement")) {
                            return statement(s, Statement.class, null);
                        }
                        return result;
                    });
        }

        private Object statement(Statement target, Class<? extends Statement> type, String prepared) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    executed(prepared != null ? prepared
                            : args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
                }
                return invoke(target, method, args);
            };
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
