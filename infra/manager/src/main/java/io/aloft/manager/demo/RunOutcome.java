package io.aloft.manager.demo;

import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.run.v1.ActionDetails;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, as the API reports it.
 *
 * @param sample the sample it ran
 * @param run the run's name
 * @param details the root action's details (phase, attempts, error)
 * @param children the final phase of each child action, by name
 * @param outputs the root action's outputs by name (DataProxyService.GetActionData)
 * @param outputsError why the outputs could not be read, or null
 * @param logs the last log lines of each attempt, attempt 1 first (DataProxyService.TailLogs)
 * @param files the first lines of each file output, by output name
 */
record RunOutcome(
    Sample sample,
    String run,
    ActionDetails details,
    Map<String, ActionPhase> children,
    Map<String, Literal> outputs,
    String outputsError,
    List<List<String>> logs,
    Map<String, List<String>> files) {

  List<String> problems() {
    return sample.expected().problems(this);
  }
}
