package org.wedops.apm.aggregation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The windows still open on one partition, kept as objects between commits and written to a changelogged key-value
 * store only when Streams commits.
 *
 * <p>Why not the DSL's windowed aggregate: Streams' record cache holds bytes, so every sample would decode and re-encode
 * its window's aggregate with its sketch, and the aggregate would go through the cache, the suppression buffer and their
 * flushes (bench/apm-ingest/README.md has what that cost). Here a sample costs a map lookup.
 *
 * <p>Exactly-once holds because Streams calls {@link #flushCache()} on every {@link CachedStateStore} before it
 * commits a task (as it does for its own record caches): the changed windows reach the changelog inside the same
 * transaction as the input offsets and the emitted windows. {@link CachedStateStore} is a Streams-internal interface;
 * {@code WindowedPercentilesIT} and the local stack's kill-and-restart test fail if an upgrade changes that contract.
 */
final class OpenWindows implements StateStore, CachedStateStore<Bytes, byte[]> {

    private final KeyValueStore<Bytes, byte[]> changelogged;
    private final TreeMap<Long, Map<String, OpenWindow>> byStart = new TreeMap<>();
    private final Set<Key> closed = new HashSet<>();
    private boolean loaded;

    private OpenWindows(KeyValueStore<Bytes, byte[]> changelogged) {
        this.changelogged = changelogged;
    }

    static StoreBuilder<OpenWindows> builder(String name) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of()).withCachingDisabled());
    }

    /** One series' window starting at {@code start}, created empty when new; the caller adds to it. */
    WindowAggregate window(String series, long start) {
        load();
        OpenWindow window = byStart.computeIfAbsent(start, s -> new HashMap<>()).computeIfAbsent(series, s -> new OpenWindow(new WindowAggregate()));
        window.changed = true;
        return window.aggregate;
    }

    /** Removes and returns every window starting at or before {@code start}, earliest first. */
    List<ClosedWindow> closeStartingUpTo(long start) {
        load();
        if (byStart.isEmpty() || byStart.firstKey() > start) {
            return List.of(); // nearly every sample: nothing closes
        }
        List<ClosedWindow> windows = new ArrayList<>();
        while (!byStart.isEmpty() && byStart.firstKey() <= start) {
            Map.Entry<Long, Map<String, OpenWindow>> earliest = byStart.pollFirstEntry();
            earliest.getValue().forEach((series, window) -> {
                closed.add(new Key(series, earliest.getKey()));
                // a window that never took a sample has no labels to emit (one is opened before its sample is added)
                if (window.aggregate.count() > 0) {
                    windows.add(new ClosedWindow(series, earliest.getKey(), window.aggregate));
                }
            });
        }
        return windows;
    }

    record ClosedWindow(String series, long start, WindowAggregate aggregate) {
    }

    @Override
    public void flushCache() {
        byStart.forEach((start, windows) -> windows.forEach((series, window) -> {
            if (window.changed) {
                changelogged.put(new Key(series, start).bytes(), window.aggregate.toBytes());
                window.changed = false;
            }
        }));
        for (Key key : closed) {
            changelogged.delete(key.bytes());
        }
        closed.clear();
    }

    @Override
    public void clearCache() {
        // a task closed dirty: what was not committed is forgotten, and read again from the changelog
        forget();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    /** After a restore the changelogged store holds the committed windows; they are read once, on first use. */
    private void load() {
        if (loaded) {
            return;
        }
        try (KeyValueIterator<Bytes, byte[]> all = changelogged.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                Key key = Key.of(entry.key);
                byStart.computeIfAbsent(key.start(), s -> new HashMap<>()).put(key.series(), new OpenWindow(WindowAggregate.fromBytes(entry.value)));
            }
        }
        loaded = true;
    }

    private void forget() {
        byStart.clear();
        closed.clear();
        loaded = false;
    }

    @Override
    public String name() {
        return changelogged.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        forget();
        changelogged.init(context, root);
    }

    @Override
    public void flush() {
        changelogged.flush();
    }

    @Override
    public void close() {
        forget();
        changelogged.close();
    }

    @Override
    public boolean persistent() {
        return changelogged.persistent();
    }

    @Override
    public boolean isOpen() {
        return changelogged.isOpen();
    }

    /**
     * A window and whether it changed since the last commit. A flag rather than a set of changed keys: a set cost a key
     * and a second lookup per sample.
     */
    private static final class OpenWindow {

        final WindowAggregate aggregate;
        boolean changed;

        OpenWindow(WindowAggregate aggregate) {
            this.aggregate = aggregate;
        }
    }

    private record Key(String series, long start) {

        Bytes bytes() {
            byte[] name = series.getBytes(StandardCharsets.UTF_8);
            return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + name.length).putLong(start).put(name).array());
        }

        static Key of(Bytes bytes) {
            byte[] raw = bytes.get();
            return new Key(new String(raw, Long.BYTES, raw.length - Long.BYTES, StandardCharsets.UTF_8), ByteBuffer.wrap(raw).getLong());
        }
    }

    private record Builder(StoreBuilder<KeyValueStore<Bytes, byte[]>> changelogged) implements StoreBuilder<OpenWindows> {

        @Override
        public StoreBuilder<OpenWindows> withCachingEnabled() {
            return this; // the open windows are the cache
        }

        @Override
        public StoreBuilder<OpenWindows> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<OpenWindows> withLoggingEnabled(Map<String, String> config) {
            return new Builder(changelogged.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<OpenWindows> withLoggingDisabled() {
            throw new UnsupportedOperationException("open windows without a changelog would lose samples on a restart");
        }

        @Override
        public OpenWindows build() {
            return new OpenWindows(changelogged.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return changelogged.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return changelogged.loggingEnabled();
        }

        @Override
        public String name() {
            return changelogged.name();
        }
    }
}
