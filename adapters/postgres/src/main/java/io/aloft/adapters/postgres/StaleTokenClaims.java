package io.aloft.adapters.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager killed with SIGKILL leaves its event processors' tokens claimed in {@code tokenentry}.
 * Axon honours a claim until it expires (10 s after the dead manager last renewed it) and then
 * tries again only at its next claim interval (5 s), so a manager restarted at once would run for
 * up to 15 s with frozen projections: CreateRun waiting for its read model times out, watches see
 * nothing, and the executor's repair pass reads a stale view. An embedded server is used by exactly
 * one manager (the one that started it on its data directory), so any claim found before this
 * manager's processors start belongs to a dead one and is released, as Axon itself releases a claim
 * on a clean shutdown. Startup code: it blocks.
 */
final class StaleTokenClaims {

  private static final Logger LOG = LoggerFactory.getLogger(StaleTokenClaims.class);

  private StaleTokenClaims() {}

  static void release(DataSource embedded) {
    try (Connection connection = embedded.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet table = statement.executeQuery("SELECT to_regclass('tokenentry')")) {
        if (!table.next() || table.getString(1) == null) {
          return; // a new database: the migrations have not created the token store yet
        }
      }
      int released =
          statement.executeUpdate("UPDATE tokenentry SET owner = NULL WHERE owner IS NOT NULL");
      if (released > 0) {
        LOG.warn("released {} event processor token claim(s) left by an earlier manager", released);
      }
    } catch (SQLException e) {
      // Not fatal: Axon takes the tokens over itself once the claims expire.
      LOG.warn("could not release token claims left by an earlier manager", e);
    }
  }
}
