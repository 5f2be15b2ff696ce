package dev.groundwork.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.support.ApiClient.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Groundwork nodes on one SolrCloud collection, sharing one ingest folder: either takes uploads, questions and
 * deletes, and sees what the other wrote; they elect one to run the sync on the cluster's ZooKeeper, every node's
 * status tells which and how its run goes, and the other takes over when the leader stops.
 */
class SolrScaleOutIntegrationTests {

    private static SolrIndexFixture solr;

    @TempDir
    Path root;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    private static JsonNode status(ServiceNode node) {
        Reply reply = node.api().get("/api/reindex/status");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void twoNodesShareTheIndexAndElectOneToRunTheSyncWhichTheOtherTakesOverWhenItStops() throws Exception {
        Path ingest = root.resolve("ingest");
        String collection = solr.newAlias();
        ServiceNode first = ServiceNode.start("node-a", ingest, collection);
        ServiceNode second = ServiceNode.start("node-b", ingest, collection);
        try {
            // one leader, named alike by both
            await().atMost(Duration.ofSeconds(30)).until(() -> !status(first).path("leader").isNull());
            String leaderName = status(first).path("leader").asString();
            assertThat(leaderName).isIn("node-a", "node-b");
            assertThat(status(second).path("leader").asString()).isEqualTo(leaderName);
            ServiceNode leader = leaderName.equals("node-a") ? first : second;
            ServiceNode follower = leader == first ? second : first;
            assertThat(status(follower).path("node").asString()).isEqualTo(follower.name());

            // any node takes uploads, questions and deletes, and sees the others' writes
            Reply uploaded = follower.api().upload("otters.txt",
                    "Sea otters hold hands while they sleep so that they do not drift apart."
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(uploaded.status()).isEqualTo(201);
            String id = uploaded.json().path("documents").get(0).path("id").asString();
            Reply found = leader.api().search("otters sleep holding hands", 5);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body()).contains(id);
            Reply answered = leader.api().postJson("/api/ask", "{\"question\":\"Why do sea otters hold hands?\"}");
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.json().path("citations").size()).isPositive();
            assertThat(leader.api().delete("/api/documents/" + id).status()).isBetween(200, 204);
            assertThat(follower.api().get("/api/documents/" + id).status()).isEqualTo(404);

            // only the leader runs the sync; the follower says who does, and shows how the leader's run goes
            Reply refused = follower.api().postJson("/api/reindex", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("NOT_SYNC_LEADER");
            assertThat(refused.json().path("leader").asString()).isEqualTo(leaderName);
            Files.createDirectories(ingest);
            Files.writeString(ingest.resolve("herons.txt"), "Herons stand still in shallow water to catch fish.");
            assertThat(leader.api().postJson("/api/reindex", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode told = status(follower);
                assertThat(told.path("state").asString()).isEqualTo("IDLE");
                assertThat(told.path("last").path("added").asInt()).isEqualTo(1);
                assertThat(told.path("leader").asString()).isEqualTo(leaderName);
            });
            assertThat(follower.api().search("herons shallow water", 5).body()).contains("herons.txt");

            // the leader stops: the other takes over
            leader.close();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> follower.name().equals(status(follower).path("leader").asString()));
            assertThat(follower.api().postJson("/api/reindex", "").status()).isEqualTo(202);
        } finally {
            first.close();
            second.close();
        }
    }
}
