package riposte.server.playbook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the server prepares, by statement text, for the threads that {@link #counting} says to
 * count (e.g. not the test's own polling). Spring's JDBC and db-scheduler prepare a statement per execution, so a
 * prepared statement is an executed one. Installed as a bean post-processor wrapping the {@link DataSource}, or around one
 * {@link DataSource} with {@link #wrap} (public for the tests of other packages, e.g. the data-table page reads).
 */
public final class StatementCounter implements BeanPostProcessor {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile boolean on;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource ds) || bean instanceof Counting) return bean;
        return new Counting(ds);
    }

    /** The data source, counting what is prepared on its connections. */
    public DataSource wrap(DataSource ds) {
        return (DataSource) postProcessAfterInitialization(ds, "dataSource");
    }

    /** Starts counting from zero. */
    public void start() {
        counts.clear();
        on = true;
    }

    /** Stops counting and returns the counts by statement (its first words, lower-case, whitespace collapsed). */
    public Map<String, Long> stop() {
        on = false;
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((sql, n) -> out.put(sql, n.sum()));
        return out;
    }

    /** Whether the statements of the current thread count: not the test's waiting thread. */
    private static boolean counting() {
        return !Thread.currentThread().getName().startsWith("not-counted");
    }

    private void record(String sql) {
        if (!on || !counting()) return;
        String key = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (key.length() > 90) key = key.substring(0, 90);
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return wrap(super.getConnection(username, password));
        }

        private Connection wrap(Connection c) {
            InvocationHandler h = (proxy, method, args) -> {
                if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                        && args != null && args[0] instanceof String sql) {
                    record(sql);
                }
                return invoke(c, method, args);
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, h);
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
