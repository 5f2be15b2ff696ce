package dev.groundwork.index.solr;

import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.GenerationHolds;
import dev.groundwork.index.IndexGenerations;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.index.NextGeneration;
import dev.groundwork.index.ServingGeneration;
import dev.groundwork.index.ServingIndex;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index on SolrCloud as a series of generations: collections {@code NAME_000001}, {@code NAME_000002}, ...
 * and the alias {@code NAME} naming the one that serves. A rebuild fills the next collection while the serving one
 * keeps serving, then {@link #switchTo switches} the alias, in one step in ZooKeeper: every Groundwork node (and any
 * other client of the alias) goes to the new one from then on. As with the embedded generations, the serving index is
 * lent ({@link #acquire()}/{@link #release}): a use in progress finishes on the collection it started on, and the node
 * that switched deletes the old collection when its last use here is released.
 *
 * <p>Other nodes follow a switch when they next acquire: the alias is looked up in the client's cluster state (kept
 * current by ZooKeeper's watches) and a higher generation than the one served is taken up. A lower one is taken as a
 * stale read, never a switch back.
 *
 * <p>A collection named {@code NAME} itself (made by hand, with Groundwork's configset) serves as it is: it is
 * checked, used, and cannot be rebuilt beside itself, since no alias of its name can be made.
 */
public final class SolrGenerations implements ServingIndex<ChunkIndex>, IndexGenerations, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolrGenerations.class);

    private final SolrCluster cluster;
    private final String alias;
    private final String configSet;
    private final SolrSettings settings;
    private final SolrQueries queries;
    private final Pattern generationName;
    private final Map<ChunkIndex, Generation> open = new ConcurrentHashMap<>();
    private volatile Generation serving;
    private Generation next;

    /** One collection of the series, with those holding it. */
    private final class Generation implements NextGeneration {
        private final SolrChunkIndex index;
        private final GenerationHolds holds;
        /** Whether this node deletes the collection once nobody here holds it (it switched away from it, or discarded it). */
        private volatile boolean dropWhenReleased;

        private Generation(SolrChunkIndex index) {
            this.index = index;
            this.holds = new GenerationHolds(index.collection(), () -> retire(this));
        }

        @Override
        public String name() {
            return index.collection();
        }

        @Override
        public ChunkStore store() {
            return index;
        }

        int number() {
            Matcher matcher = generationName.matcher(name());
            return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        }

        boolean tryHold() {
            return holds.tryHold();
        }

        void release() {
            holds.release();
        }
    }

    SolrGenerations(SolrCluster cluster, SolrSettings settings, SolrQueries queries) {
        this.cluster = cluster;
        this.settings = settings;
        this.alias = settings.collection();
        this.queries = queries;
        this.generationName = Pattern.compile(Pattern.quote(alias) + "_(\\d{6})");
        // 1. the configset for the encoder's vectors
        this.configSet = cluster.ensureConfigSet();
        // 2. the serving collection: the alias's, a collection of that name, or a first generation made now
        String current = cluster.aliasTarget(alias).orElseGet(this::existingOrFirst);
        // 3. one that does not fit stops the start, naming it
        cluster.check(current);
        this.serving = open(current);
        log.info("Index on Solr: {} serves as {}", current, alias);
    }

    private String existingOrFirst() {
        if (cluster.collections().contains(alias)) {
            log.warn("The Solr collection {} is not behind an alias: it serves as it is, and cannot be rebuilt beside "
                    + "itself", alias);
            return alias;
        }
        String first = nameOf(1);
        createOrJoin(first);
        cluster.pointAlias(alias, first);
        return first;
    }

    /** Creates a collection, or waits for the one another node is creating under the same name at the same time. */
    private void createOrJoin(String collection) {
        try {
            cluster.create(collection, configSet, settings.shards(), settings.replicationFactor());
        } catch (IndexUnavailableException e) {
            if (!cluster.collections().contains(collection)) {
                throw e;
            }
            log.info("Solr collection {} was created by another node meanwhile", collection);
        }
    }

    // ---- the serving index, lent

    @Override
    public ChunkIndex acquire() {
        followSwitchElsewhere();
        while (true) {
            Generation current = serving;
            if (current.tryHold()) {
                return current.index;
            }
            // retired between the read and the hold: the field names its successor by now
        }
    }

    @Override
    public void release(ChunkIndex index) {
        Generation generation = open.get(index);
        if (generation == null) {
            throw new IllegalStateException("Not an index of this series, or released after it was retired");
        }
        generation.release();
    }

    /** Takes up a newer generation another node switched the alias to; a failed look-up keeps the one served. */
    private void followSwitchElsewhere() {
        Optional<String> target = cluster.cachedAliasTarget(alias);
        Generation current = serving;
        if (target.isEmpty() || target.get().equals(current.name())) {
            return;
        }
        synchronized (this) {
            current = serving;
            Matcher matcher = generationName.matcher(target.get());
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) <= current.number()) {
                return;
            }
            Generation followed = open(target.get());
            followed.index.vectorsComparable(true);
            serving = followed;
            log.info("Index switched by another node from {} to {}", current.name(), followed.name());
            current.release(); // not dropped here: the node that switched deletes it
        }
    }

    // ---- the generations

    @Override
    public ServingGeneration serving() {
        followSwitchElsewhere();
        while (true) {
            Generation current = serving;
            if (current.tryHold()) {
                try {
                    return new ServingGeneration(current.name(), current.index.builtWith(),
                            current.index.vectorsComparable());
                } finally {
                    current.release();
                }
            }
        }
    }

    @Override
    public synchronized void recordBuiltWith(String pipeline) {
        serving.index.recordBuiltWith(pipeline);
        log.info("Index generation {} is recorded as built with the configured pipeline", serving.name());
    }

    @Override
    public synchronized void vectorsComparable(boolean comparable) {
        serving.index.vectorsComparable(comparable);
    }

    /**
     * Creates the next collection (after removing any left by a rebuild that did not finish, on this node or another).
     */
    @Override
    public synchronized NextGeneration startNext() {
        if (next != null) {
            throw new IllegalStateException("Generation " + next.name() + " is already being built");
        }
        if (serving.name().equals(alias)) {
            throw new IndexUnavailableException("The Solr collection " + alias + " serves directly, not through an "
                    + "alias, so it cannot be rebuilt beside itself: reindex into a new collection by naming a new "
                    + "groundwork.index.solr.collection", null);
        }
        int highest = serving.number();
        for (String collection : cluster.collections()) {
            Matcher matcher = generationName.matcher(collection);
            if (matcher.matches() && !collection.equals(serving.name())) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                if (open.values().stream().noneMatch(generation -> generation.name().equals(collection))) {
                    log.info("Removing Solr collection {}: left by a rebuild that did not finish", collection);
                    cluster.delete(collection);
                }
            }
        }
        String name = nameOf(highest + 1);
        cluster.create(name, configSet, settings.shards(), settings.replicationFactor());
        next = open(name);
        log.info("Started index generation {} beside the serving {}", name, serving.name());
        return next;
    }

    /**
     * Records the pipeline in the next collection, points the alias at it and hands it out from then on. The old
     * collection is deleted once its last use on this node is released.
     */
    @Override
    public synchronized void switchTo(NextGeneration built, String pipeline) {
        Generation switching = requireNext(built);
        switching.index.recordBuiltWith(pipeline);
        cluster.pointAlias(alias, switching.name());
        Generation old = serving;
        serving = switching;
        next = null;
        log.info("Index switched from generation {} to {}", old.name(), switching.name());
        old.dropWhenReleased = true;
        old.release();
    }

    @Override
    public synchronized void discard(NextGeneration built) {
        Generation discarded = requireNext(built);
        next = null;
        discarded.dropWhenReleased = true;
        discarded.release();
        log.info("Index generation {} discarded; generation {} keeps serving", discarded.name(), serving.name());
    }

    private Generation requireNext(NextGeneration built) {
        if (built == null || built != next) {
            throw new IllegalStateException("Not the generation being built: " + (built == null ? null : built.name()));
        }
        return next;
    }

    private Generation open(String collection) {
        Generation generation = new Generation(new SolrChunkIndex(cluster.client(), collection, queries));
        open.put(generation.index, generation);
        return generation;
    }

    private void retire(Generation generation) {
        open.remove(generation.index);
        if (generation.dropWhenReleased) {
            try {
                cluster.delete(generation.name());
            } catch (RuntimeException e) {
                // Left behind, it is removed when the next rebuild starts.
                log.warn("Cannot delete Solr collection {}: {}", generation.name(), e.getMessage());
            }
        }
    }

    private String nameOf(int number) {
        return String.format("%s_%06d", alias, number);
    }

    /** Nothing to close but the handles: the collections stay in the cluster; the client is closed by its owner. */
    @Override
    public synchronized void close() {
        open.clear();
    }
}
