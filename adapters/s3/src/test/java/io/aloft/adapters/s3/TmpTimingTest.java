package io.aloft.adapters.s3;

import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

class TmpTimingTest {
  @TempDir Path dir;

  @Test
  void timing() {
    long t0 = System.nanoTime();
    EmbeddedS3Server server = new EmbeddedS3Server(dir, 0, "a", "s");
    server.start();
    long t1 = System.nanoTime();
    S3DataStore store = new S3DataStore(server.clientSettings());
    store.ensureBucket("bbb").block();
    long t2 = System.nanoTime();
    StorageUri p = StorageUri.parse("s3://bbb/many/");
    Flux.range(0, 1100).flatMap(i -> store.put(p.resolve("k" + i), new byte[10], PutOptions.none()), 32).blockLast();
    long t3 = System.nanoTime();
    long n = store.list(p).count().block();
    long t4 = System.nanoTime();
    store.close();
    long t5 = System.nanoTime();
    server.close();
    long t6 = System.nanoTime();
    System.err.printf("start %d, bucket %d, put %d, list %d (%d), closeStore %d, closeServer %d%n",
        (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000, (t4-t3)/1000000, n, (t5-t4)/1000000, (t6-t5)/1000000);
  }
}
