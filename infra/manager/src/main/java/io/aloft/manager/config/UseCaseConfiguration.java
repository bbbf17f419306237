package io.aloft.manager.config;

import io.aloft.application.actions.EnqueueActionUseCase;
import io.aloft.application.data.LiteralOffloading;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.notify.ChangeFeed;
import io.aloft.application.port.query.ActionEventStore;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.query.TaskQueries;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.project.ActiveProjects;
import io.aloft.application.project.ProjectCatalog;
import io.aloft.application.run.AbortUseCase;
import io.aloft.application.run.ActionEventHistory;
import io.aloft.application.run.CreateRunUseCase;
import io.aloft.application.run.RunReader;
import io.aloft.application.run.RunSettings;
import io.aloft.application.run.RunWatches;
import io.aloft.application.task.TaskCatalog;
import io.aloft.application.timetravel.TimeTravel;
import io.aloft.application.watch.DirtyActions;
import io.aloft.application.watch.LiveActions;
import io.aloft.application.watch.ProjectionSync;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, wired to whichever adapters serve the ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DirtyActions dirtyActions(ChangeFeed feed) {
    return new DirtyActions(feed);
  }

  @Bean
  LiveActions liveActions(DirtyActions dirty, ActionQueries queries) {
    return new LiveActions(dirty, queries);
  }

  @Bean
  ProjectionSync projectionSync(
      DirtyActions dirty, ActionQueries queries, AloftProperties properties) {
    return new ProjectionSync(dirty, queries, properties.runs().readYourWritesTimeout());
  }

  @Bean
  ProjectCatalog projectCatalog(CommandPort commands, ProjectQueries queries) {
    return new ProjectCatalog(commands, queries);
  }

  @Bean
  ActiveProjects activeProjects(ProjectQueries queries) {
    return new ActiveProjects(queries);
  }

  @Bean
  TaskCatalog taskCatalog(CommandPort commands, TaskQueries queries, ActiveProjects projects) {
    return new TaskCatalog(commands, queries, projects);
  }

  @Bean
  RunSettings runSettings(AloftProperties properties) {
    var storage = properties.storage();
    return new RunSettings(
        "s3://" + storage.bucket() + "/" + storage.metadataPrefix(),
        properties.runs().readYourWritesTimeout());
  }

  /** Inputs and outputs above the threshold are stored as their own objects (seed 001). */
  @Bean
  LiteralOffloading literalOffloading(
      DataStore store, LiteralCodec codec, AloftProperties properties) {
    return new LiteralOffloading(store, codec, properties.runs().offloadThreshold().toBytes());
  }

  @Bean
  CreateRunUseCase createRunUseCase(
      ActiveProjects projects,
      TaskCatalog tasks,
      ActionQueries actions,
      DataStore store,
      CommandPort commands,
      ProjectionSync sync,
      ActionDispatcher dispatcher,
      LiteralOffloading offloading,
      RunSettings settings,
      Clock clock) {
    return new CreateRunUseCase(
        projects,
        tasks,
        actions,
        store,
        commands,
        sync,
        dispatcher,
        offloading,
        settings,
        clock,
        ThreadLocalRandom.current());
  }

  @Bean
  RunReader runReader(ActionQueries queries, ProjectCatalog projects) {
    return new RunReader(queries, projects);
  }

  @Bean
  TimeTravel timeTravel(ActionEventStore store) {
    return new TimeTravel(store);
  }

  @Bean
  AbortUseCase abortUseCase(
      RunReader reader,
      ActionQueries queries,
      CommandPort commands,
      ActionDispatcher dispatcher,
      Clock clock) {
    return new AbortUseCase(reader, queries, commands, dispatcher, clock);
  }

  @Bean
  RunWatches runWatches(
      LiveActions live,
      DirtyActions dirty,
      ActionQueries queries,
      RunReader reader,
      ProjectCatalog projects) {
    return new RunWatches(live, dirty, queries, reader, projects);
  }

  @Bean
  ActionEventHistory actionEventHistory(
      ActionQueries queries, DirtyActions dirty, RunReader reader) {
    return new ActionEventHistory(queries, dirty, reader);
  }

  @Bean
  RecordEventsUseCase recordEventsUseCase(CommandPort commands) {
    return new RecordEventsUseCase(commands);
  }

  @Bean
  EnqueueActionUseCase enqueueActionUseCase(
      CommandPort commands, ProjectionSync sync, ActionDispatcher dispatcher, Clock clock) {
    return new EnqueueActionUseCase(commands, sync, dispatcher, clock);
  }
}
