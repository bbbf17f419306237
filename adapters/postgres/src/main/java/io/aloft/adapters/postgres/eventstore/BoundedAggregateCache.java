package io.aloft.adapters.postgres.eventstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A bounded least-recently-used aggregate cache that holds its entries strongly. Axon's
 * WeakReferenceCache is emptied by every young collection, which made each command reload and
 * deserialize its action's whole event stream; here a warm action costs no read at all. The bound
 * keeps memory flat however many actions a manager has seen.
 */
public final class BoundedAggregateCache implements Cache {

  private final Map<Object, Object> entries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  public BoundedAggregateCache(int maxEntries) {
    this.entries =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            boolean evict = size() > maxEntries;
            if (evict) {
              tell(listener -> listener.onEntryExpired(eldest.getKey()));
            }
            return evict;
          }
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V get(K key) {
    return (V) entries.get(key);
  }

  @Override
  public synchronized void put(Object key, Object value) {
    boolean existed = entries.put(key, value) != null;
    tell(
        listener -> {
          if (existed) {
            listener.onEntryUpdated(key, value);
          } else {
            listener.onEntryCreated(key, value);
          }
        });
  }

  @Override
  public synchronized boolean putIfAbsent(Object key, Object value) {
    if (entries.containsKey(key)) {
      return false;
    }
    put(key, value);
    return true;
  }

  @Override
  public synchronized boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      tell(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public synchronized void removeAll() {
    List.copyOf(entries.keySet()).forEach(this::remove);
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void tell(Consumer<EntryListener> event) {
    listeners.forEach(event);
  }
}
