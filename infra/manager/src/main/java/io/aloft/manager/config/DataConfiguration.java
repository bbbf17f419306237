package io.aloft.manager.config;

import io.aloft.adapters.local.logs.FileLogReader;
import io.aloft.adapters.local.process.LocalProcessSettings;
import io.aloft.adapters.protobuf.ProtoInputsHashing;
import io.aloft.application.data.ActionDataReader;
import io.aloft.application.data.LiteralOffloading;
import io.aloft.application.data.LogTailing;
import io.aloft.application.data.UploadInputsUseCase;
import io.aloft.application.download.CreateDownloadLinkUseCase;
import io.aloft.application.execution.ConditionValues;
import io.aloft.application.port.codec.InputsHashing;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.logs.LogReader;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ProjectQueries;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.application.project.ActiveProjects;
import io.aloft.application.run.RunReader;
import io.aloft.application.signal.SignalUseCase;
import io.aloft.application.task.TaskCatalog;
import io.aloft.application.upload.CreateUploadLocationUseCase;
import io.aloft.application.upload.UploadLimits;
import io.aloft.application.watch.DirtyActions;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data plane's use cases: action inputs and outputs, log tailing (each log source one {@link
 * LogReader} bean), uploaded run inputs, and signalling conditions.
 */
@Configuration(proxyBeanMethods = false)
class DataConfiguration {

  @Bean
  ActionDataReader actionDataReader(RunReader reader, DataStore store) {
    return new ActionDataReader(reader, store);
  }

  /** The logs of {@code container} tasks the embedded executor ran, under its work root. */
  @Bean
  FileLogReader fileLogReader(LocalProcessSettings settings) {
    return new FileLogReader(settings);
  }

  @Bean
  LogTailing logTailing(
      RunReader reader, ActionQueries queries, DirtyActions dirty, List<LogReader> readers) {
    return new LogTailing(reader, queries, dirty, readers);
  }

  /** Uploads go to {@code s3://<storage.bucket>/<dataproxy.upload.storagePrefix>}. */
  @Bean
  CreateUploadLocationUseCase createUploadLocationUseCase(
      ProjectQueries projects, DataStore store, UrlSigner signer, AloftProperties properties) {
    AloftProperties.DataProxy.Upload upload = properties.dataproxy().upload();
    return new CreateUploadLocationUseCase(
        projects,
        store,
        signer,
        new UploadLimits(
            upload.maxSize().toBytes(), upload.maxExpiresIn(), uploadBase(properties)));
  }

  /** Report links live at most {@code dataproxy.download.max-expires-in}. */
  @Bean
  CreateDownloadLinkUseCase createDownloadLinkUseCase(
      RunReader reader, DataStore store, UrlSigner signer, AloftProperties properties) {
    return new CreateDownloadLinkUseCase(
        reader, store, signer, properties.dataproxy().download().maxExpiresIn());
  }

  @Bean
  InputsHashing inputsHashing() {
    return new ProtoInputsHashing();
  }

  /** Inputs go under the same upload base unless a call names its base_dir. */
  @Bean
  UploadInputsUseCase uploadInputsUseCase(
      ActiveProjects projects,
      TaskCatalog tasks,
      InputsHashing hashing,
      DataStore store,
      LiteralOffloading offloading,
      AloftProperties properties) {
    return new UploadInputsUseCase(
        projects, tasks, hashing, store, offloading, uploadBase(properties).toString());
  }

  private static StorageUri uploadBase(AloftProperties properties) {
    StorageUri bucket = new StorageUri("s3", properties.storage().bucket(), "");
    String prefix = properties.dataproxy().upload().storagePrefix().replaceAll("^/+|/+$", "");
    return prefix.isEmpty() ? bucket : bucket.resolve(prefix);
  }

  @Bean
  ConditionValues conditionValues(DataStore store, LiteralCodec codec) {
    return new ConditionValues(store, codec);
  }

  @Bean
  SignalUseCase signalUseCase(
      TaskActionStore store,
      ActionQueries queries,
      ActionSpecReader specs,
      LiteralCodec codec,
      Clock clock) {
    return new SignalUseCase(store, queries, specs, codec, clock);
  }
}
