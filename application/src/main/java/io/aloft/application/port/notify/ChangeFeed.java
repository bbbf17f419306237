package io.aloft.application.port.notify;

import reactor.core.publisher.Flux;

/**
 * A hot stream of committed read-model changes. Subscribers must consume quickly (they get no
 * replay); watches record what is dirty and re-read it at their own pace.
 */
public interface ChangeFeed {

  Flux<ChangeBatch> changes();
}
