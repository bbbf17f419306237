package io.aloft.manager;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One embedded manager (PostgreSQL, S3, the API on a random port) shared by every end-to-end test
 * class: each class uses its own projects, so they do not see each other's data, and the JVM starts
 * and stops one set of servers instead of one per class.
 */
@SpringBootTest(
    classes = AloftManager.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ExternalPlugin.Registration.class)
abstract class RunningManager {

  @DynamicPropertySource
  static void home(DynamicPropertyRegistry registry) {
    ManagerTestSupport.sharedHome(registry);
  }

  @LocalServerPort int port;
}
