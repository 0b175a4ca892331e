package uk.cspr.workflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts database commits of one application context: its {@code DataSource} bean is wrapped so
 * that every {@code Connection.commit()} (the engine's and ours, read-only commands included) is
 * counted, and every statement prepared (the engine's MyBatis and our JDBC prepare one per
 * statement run). Registered as a singleton bean post-processor by the benchmark.
 */
final class CommitCounter implements BeanPostProcessor {

  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong rollbacks = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();

  long commits() {
    return commits.get();
  }

  long rollbacks() {
    return rollbacks.get();
  }

  long statements() {
    return statements.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
      return new Counting(dataSource);
    }
    return bean;
  }

  private final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
      InvocationHandler handler = (proxy, method, args) -> {
        if (method.getName().equals("commit")) {
          commits.incrementAndGet();
        } else if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
          rollbacks.incrementAndGet();
        } else if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
          statements.incrementAndGet();
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getTargetException();
        }
      };
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
  }
}
