package io.aloft.manager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's arrows point inward; this test fails the build when one turns around. */
class ArchitectureTest {

  private static JavaClasses aloft;

  @BeforeAll
  static void importClasses() {
    aloft =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.aloft");
  }

  @Test
  void domainDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.aloft.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.aloft.domain..", "java..")
        .check(aloft);
  }

  @Test
  void applicationDependsOnTheDomainAndReactorOnly() {
    classes()
        .that()
        .resideInAPackage("io.aloft.application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.aloft.application..",
            "io.aloft.domain..",
            "java..",
            "reactor..",
            "org.reactivestreams..")
        .check(aloft);
  }

  @Test
  void adaptersNeverDependOnEachOther() {
    slices().matching("io.aloft.adapters.(*)..").should().notDependOnEachOther().check(aloft);
  }

  @Test
  void onlyTheManagerSeesEverything() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.aloft.manager..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.aloft.manager..")
        .check(aloft);
  }

  @Test
  void innerLayersNeverSeeAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("io.aloft.domain..", "io.aloft.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.aloft.adapters..", "io.aloft.proto..")
        .check(aloft);
  }

  @Test
  void onlyTheKafkaAdapterSeesKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.aloft.adapters.kafka..", "io.aloft.manager..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "reactor.kafka..")
        .check(aloft);
  }
}
