package io.aloft.domain.project;

import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.NotFound;
import java.util.List;
import java.util.Objects;

/** The project aggregate as pure decide/evolve functions. */
public final class Project {

  private Project() {}

  /**
   * @param state null when the project does not exist
   * @return the events to append; none when an update changes nothing
   * @throws AlreadyExists when creating an existing project
   * @throws NotFound when updating a missing project
   */
  public static List<ProjectEvent> decide(ProjectCommand command, ProjectState state) {
    Objects.requireNonNull(command, "command");
    return switch (command) {
      case CreateProject c -> create(c, state);
      case UpdateProject c -> update(c, state);
    };
  }

  /** Folds {@code event} into {@code state} (null before {@link ProjectCreated}). */
  public static ProjectState evolve(ProjectState state, ProjectEvent event) {
    Objects.requireNonNull(event, "event");
    if ((state == null) != (event instanceof ProjectCreated)) {
      throw new IllegalStateException(
          "event "
              + event.getClass().getSimpleName()
              + " does not fit project "
              + event.projectId());
    }
    return switch (event) {
      case ProjectCreated e ->
          new ProjectState(
              e.id(), e.displayName(), e.description(), e.labels(), ProjectLifecycle.ACTIVE);
      case ProjectUpdated e ->
          new ProjectState(e.id(), e.displayName(), e.description(), e.labels(), e.lifecycle());
    };
  }

  private static List<ProjectEvent> create(CreateProject c, ProjectState state) {
    if (state != null) {
      throw new AlreadyExists(
          "project '" + c.id().name() + "' already exists; pick another name or update it");
    }
    return List.of(
        new ProjectCreated(c.id(), c.displayName(), c.description(), c.labels(), c.requestedAt()));
  }

  private static List<ProjectEvent> update(UpdateProject c, ProjectState state) {
    if (state == null) {
      throw new NotFound("project '" + c.id().name() + "' does not exist; create it first");
    }
    var next =
        new ProjectState(
            state.id(),
            keep(c.displayName(), state.displayName()),
            keep(c.description(), state.description()),
            keep(c.labels(), state.labels()),
            keep(c.lifecycle(), state.lifecycle()));
    if (next.equals(state)) {
      return List.of();
    }
    return List.of(
        new ProjectUpdated(
            next.id(),
            next.displayName(),
            next.description(),
            next.labels(),
            next.lifecycle(),
            c.requestedAt()));
  }

  private static <T> T keep(T requested, T current) {
    return requested == null ? current : requested;
  }
}
