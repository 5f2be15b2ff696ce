package dev.groundwork.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.support.ApiClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Groundwork node on SolrCloud while Solr nodes die: with two replicas of every shard, losing one Solr node loses
 * no question and no acknowledged upload; losing all of them makes the service say so (health DOWN, 503
 * {@code INDEX_UNAVAILABLE}, nothing half-stored), and it serves again, without a restart, once they are back.
 */
class SolrFaultIntegrationTests {

    private static SolrIndexFixture solr;

    @TempDir
    Path root;
    private String collection;
    private ServiceNode node;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    @BeforeEach
    void startNode() {
        collection = solr.newAlias();
        node = ServiceNode.start("node-f", root.resolve("ingest"), collection);
    }

    @AfterEach
    void stopNode() throws Exception {
        node.close();
        SolrTestCluster.restartStopped();
    }

    private static byte[] note(int i) {
        return ("Field note " + i + ": the zebra finch number " + i + " sang at dawn near the reed bed.")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> uploadedFiles() throws IOException {
        Path uploads = root.resolve("ingest").resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void stop(JettySolrRunner node) {
        try {
            SolrTestCluster.stop(node);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop a Solr node", e);
        }
    }

    private static void awaitRecovered(String collection) {
        String serving = solr.cluster().aliasTarget(collection).orElseThrow();
        SolrTestCluster.get().waitForActiveCollection(serving, 120, TimeUnit.SECONDS, SolrTestCluster.SHARDS,
                SolrTestCluster.SHARDS * SolrTestCluster.REPLICAS);
    }

    @Test
    void aSolrNodeKilledWhileQuestionsAndUploadsRunLosesNoQuestionAndNoAcknowledgedUpload() throws Exception {
        JettySolrRunner killed = SolrTestCluster.running().get(0);
        List<String> acknowledged = new ArrayList<>();
        List<Reply> refused = new ArrayList<>();
        ConcurrentLinkedQueue<Integer> questionStatuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean asking = new AtomicBoolean(true);
        ExecutorService questions = Executors.newSingleThreadExecutor();
        try {
            Future<?> asker = questions.submit(() -> {
                while (asking.get()) {
                    questionStatuses.add(node.api().search("zebra finch at dawn", 5).status());
                }
            });
            int next = 0;
            // 1. uploads and questions with both Solr nodes up
            for (; next < 5; next++) {
                Reply reply = node.api().upload("note-" + next + ".txt", note(next));
                assertThat(reply.status()).isEqualTo(201);
                acknowledged.add(reply.json().path("documents").get(0).path("id").asString());
            }
            // 2. one Solr node dies; uploads go on until five more are acknowledged by the other alone
            SolrTestCluster.stop(killed);
            int afterKill = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (afterKill < 5 && System.nanoTime() < deadline) {
                Reply reply = node.api().upload("note-" + next + ".txt", note(next));
                next++;
                if (reply.status() == 201) {
                    acknowledged.add(reply.json().path("documents").get(0).path("id").asString());
                    afterKill++;
                } else {
                    refused.add(reply);
                }
            }
            assertThat(afterKill).as("uploads acknowledged with one Solr node down").isEqualTo(5);
            // 3. it comes back and catches up
            SolrTestCluster.start(killed);
            awaitRecovered(collection);
            asking.set(false);
            asker.get(60, TimeUnit.SECONDS);
        } finally {
            asking.set(false);
            questions.shutdownNow();
        }

        assertThat(questionStatuses).as("questions asked while a node died").hasSizeGreaterThan(5).containsOnly(200);
        assertThat(refused).as("an upload refused while a shard elected its new leader says why")
                .allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(503);
                    assertThat(reply.code()).isEqualTo("INDEX_UNAVAILABLE");
                });
        assertThat(uploadedFiles()).as("refused uploads leave no file").hasSize(acknowledged.size());
        // 4. every acknowledged upload is on the node that came back: the other one is stopped to ask it alone
        SolrTestCluster.running().stream().filter(running -> running != killed).forEach(SolrFaultIntegrationTests::stop);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Reply listed = node.api().get("/api/documents");
            assertThat(listed.status()).isEqualTo(200);
            for (String id : acknowledged) {
                assertThat(listed.body()).contains(id);
            }
        });
    }

    @Test
    void withTheClusterGoneTheServiceSaysSoStoresNothingAndServesAgainWhenItIsBack() throws Exception {
        assertThat(node.api().upload("first.txt", note(1)).status()).isEqualTo(201);
        List<JettySolrRunner> stopped = SolrTestCluster.running();
        stopped.forEach(SolrFaultIntegrationTests::stop);

        Reply health = node.api().get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("components").path("index").path("status").asString()).isEqualTo("DOWN");
        Reply question = node.api().postJson("/api/ask", "{\"question\":\"When did the zebra finch sing?\"}");
        assertThat(question.status()).isEqualTo(503);
        assertThat(question.code()).isEqualTo("INDEX_UNAVAILABLE");
        Reply upload = node.api().upload("second.txt", note(2));
        assertThat(upload.status()).isEqualTo(503);
        assertThat(upload.code()).isEqualTo("INDEX_UNAVAILABLE");
        assertThat(uploadedFiles()).as("only the first upload's file").hasSize(1);

        SolrTestCluster.restartStopped();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(
                () -> assertThat(node.api().get("/actuator/health").status()).isEqualTo(200));
        awaitRecovered(collection);
        Reply asked = node.api().postJson("/api/ask", "{\"question\":\"When did the zebra finch sing?\"}");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().path("citations").size()).isPositive();
        assertThat(node.api().upload("second.txt", note(2)).status()).isEqualTo(201);
    }
}
