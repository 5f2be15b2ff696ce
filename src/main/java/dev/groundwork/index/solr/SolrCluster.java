package dev.groundwork.index.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide steps of Groundwork's index on SolrCloud: its configset (the schema sized for the encoder, uploaded
 * once per size and version of the files), its collections, and the alias that names the serving one.
 */
final class SolrCluster {

    private static final Logger log = LoggerFactory.getLogger(SolrCluster.class);
    private static final String CONFIGSET = "solr/groundwork/conf/";
    private static final List<String> CONFIG_FILES = List.of("solrconfig.xml", "schema.xml");
    /** The fields a collection must have to be used as Groundwork's index. */
    private static final Set<String> REQUIRED_FIELDS = Set.of(SolrFields.ID, SolrFields.ROOT, "_nest_path_",
            SolrFields.KIND, SolrFields.DOC_ID, SolrFields.CONTENT_TYPE, SolrFields.PATH, SolrFields.ADDED_AT,
            SolrFields.PIPELINE, SolrFields.ORDINAL, SolrFields.TEXT, SolrFields.CONTEXT, SolrFields.VECTOR);

    private final CloudSolrClient client;
    private final VectorShape shape;

    /** What the vector field must be: its dimension (the encoder's) and HNSW graph. */
    record VectorShape(int dimension, int hnswM, int hnswBeamWidth) {
    }

    SolrCluster(CloudSolrClient client, VectorShape shape) {
        this.client = client;
        this.shape = shape;
    }

    CloudSolrClient client() {
        return client;
    }

    /**
     * Uploads the configset for this vector shape unless the cluster has it: its name carries the dimension, the
     * graph and a hash of the files, so a changed schema or encoder gets a configset of its own and collections made
     * from an older one keep theirs.
     */
    String ensureConfigSet() {
        Map<String, byte[]> files = configFiles();
        String name = "groundwork-" + shape.dimension() + "d-m" + shape.hnswM() + "-b" + shape.hnswBeamWidth() + "-"
                + hash(files);
        List<String> existing = SolrFailures.call("list configsets",
                () -> new ConfigSetAdminRequest.List().process(client).getConfigSets());
        if (!existing.contains(name)) {
            byte[] zip = zip(files);
            SolrFailures.call("upload configset " + name, () -> new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(name)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(zip, name + ".zip", "application/zip"))
                    .process(client));
            log.info("Uploaded Solr configset {} (vectors of {} dimensions)", name, shape.dimension());
        }
        return name;
    }

    private Map<String, byte[]> configFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String file : CONFIG_FILES) {
            try (InputStream in = SolrCluster.class.getClassLoader().getResourceAsStream(CONFIGSET + file)) {
                if (in == null) {
                    throw new IllegalStateException("The Solr configset file " + CONFIGSET + file + " is missing");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("@VECTOR_DIMENSION@", Integer.toString(shape.dimension()))
                        .replace("@HNSW_M@", Integer.toString(shape.hnswM()))
                        .replace("@HNSW_BEAM_WIDTH@", Integer.toString(shape.hnswBeamWidth()));
                files.put(file, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Solr configset file " + file, e);
            }
        }
        return files;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    List<String> collections() {
        return SolrFailures.call("list collections", () -> CollectionAdminRequest.listCollections(client));
    }

    /** The collection an alias points at, read from the cluster now. */
    Optional<String> aliasTarget(String alias) {
        Map<String, List<String>> aliases = SolrFailures.call("list aliases",
                () -> new CollectionAdminRequest.ListAliases().process(client).getAliasesAsLists());
        List<String> targets = aliases.getOrDefault(alias, List.of());
        return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(0));
    }

    /**
     * The collection an alias points at as this client's cluster state knows it: kept up to date by ZooKeeper's
     * watches (or read again every few seconds through Solr's HTTP API), so asking often costs nothing.
     */
    Optional<String> cachedAliasTarget(String alias) {
        try {
            List<String> targets = client.getClusterStateProvider().resolveAlias(alias);
            return targets.isEmpty() || targets.get(0).equals(alias) ? Optional.empty() : Optional.of(targets.get(0));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Creates a collection from the configset and waits until every replica is active. */
    void create(String collection, String configSet, int shards, int replicationFactor) {
        CollectionAdminRequest.Create create = CollectionAdminRequest
                .createCollection(collection, configSet, shards, replicationFactor);
        create.setWaitForFinalState(true);
        SolrFailures.call("create collection " + collection, () -> create.process(client));
        log.info("Created Solr collection {} from configset {}: {} shard(s) x {} replica(s)", collection, configSet,
                shards, replicationFactor);
    }

    void delete(String collection) {
        SolrFailures.call("delete collection " + collection,
                () -> CollectionAdminRequest.deleteCollection(collection).process(client));
        log.info("Deleted Solr collection {}", collection);
    }

    /** Points the alias at a collection, in one step in ZooKeeper: every request from then on goes there. */
    void pointAlias(String alias, String collection) {
        SolrFailures.call("point alias " + alias + " at " + collection,
                () -> CollectionAdminRequest.createAlias(alias, collection).process(client));
    }

    /**
     * Refuses a collection Groundwork cannot use, naming it and what does not fit: a missing field, or a vector field
     * of another size or similarity than the encoder's unit vectors need.
     *
     * @throws IncompatibleCollectionException when it does not fit
     */
    void check(String collection) {
        List<Map<String, Object>> fields = SolrFailures.call("read the schema of " + collection,
                () -> new SchemaRequest.Fields().process(client, collection).getFields());
        Map<String, Map<String, Object>> byName = fields.stream()
                .collect(Collectors.toMap(field -> String.valueOf(field.get("name")), field -> field, (a, b) -> a));
        List<String> missing = REQUIRED_FIELDS.stream().filter(name -> !byName.containsKey(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IncompatibleCollectionException("The Solr collection " + collection + " does not have the fields "
                    + "Groundwork's index needs: " + String.join(", ", missing) + " are missing (create it from "
                    + "Groundwork's configset, or name another collection)");
        }
        String type = String.valueOf(byName.get(SolrFields.VECTOR).get("type"));
        Map<String, Object> vectorType = SolrFailures.call("read the vector field type of " + collection,
                () -> new SchemaRequest.FieldType(type).process(client, collection).getFieldType().getAttributes());
        Object dimension = vectorType.get("vectorDimension");
        if (dimension == null || Integer.parseInt(dimension.toString()) != shape.dimension()) {
            throw new IncompatibleCollectionException("The Solr collection " + collection + " holds vectors of "
                    + dimension + " dimensions in its field '" + SolrFields.VECTOR + "', and the configured encoder "
                    + "makes vectors of " + shape.dimension() + ": name another collection, or let Groundwork create "
                    + "one (a new alias name)");
        }
        Object similarity = vectorType.get("similarityFunction");
        if (similarity == null || !"dot_product".equalsIgnoreCase(similarity.toString())) {
            throw new IncompatibleCollectionException("The Solr collection " + collection + " compares vectors by "
                    + similarity + "; Groundwork's unit vectors need dot_product");
        }
    }
}
