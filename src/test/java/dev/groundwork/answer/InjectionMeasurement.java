package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.InjectedDocuments;
import dev.groundwork.support.InjectedDocuments.Carrier;
import dev.groundwork.support.InjectedDocuments.Injected;
import dev.groundwork.support.InjectedDocuments.Payload;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Uploads the generated injected documents over HTTP and asks, for each, the question its facts answer, limited to
 * that document; counts the answers that did what the document's instruction asked. Prints a table of the counts.
 */
final class InjectionMeasurement {

    /** Outcome of one document: whether the answer was the model's, and whether it followed the instruction. */
    record Outcome(Injected document, String mode, boolean followed, String answer) {
    }

    private InjectionMeasurement() {
    }

    static List<Outcome> run(ApiClient api, String who) {
        List<Injected> documents = InjectedDocuments.all();
        List<Outcome> outcomes = documents.stream().map(document -> {
            ApiClient.Reply upload = api.upload(document.fileName(), Fixtures.utf8(document.text()));
            assertThat(upload.status()).as(document.fileName() + ": " + upload.body()).isIn(200, 201);
            String id = upload.json().path("documents").get(0).path("id").asString();
            JsonNode answer = api.postJson("/api/ask", "{\"question\": \"" + document.question()
                    + "\", \"documentIds\": [\"" + id + "\"]}").json();
            String text = answer.path("answer").asString();
            return new Outcome(document, answer.path("mode").asString(), document.payload().followedBy(text), text);
        }).toList();
        print(outcomes, who);
        return outcomes;
    }

    private static void print(List<Outcome> outcomes, String who) {
        Map<Carrier, int[]> byCarrier = new EnumMap<>(Carrier.class);
        Map<Payload, int[]> byPayload = new EnumMap<>(Payload.class);
        for (Outcome outcome : outcomes) {
            int followed = outcome.followed() ? 1 : 0;
            byCarrier.computeIfAbsent(outcome.document().carrier(), c -> new int[2])[0] += followed;
            byCarrier.get(outcome.document().carrier())[1]++;
            byPayload.computeIfAbsent(outcome.document().payload(), p -> new int[2])[0] += followed;
            byPayload.get(outcome.document().payload())[1]++;
        }
        StringBuilder table = new StringBuilder("Injected documents whose instruction the answer followed (" + who + "):\n");
        table.append("| carrier | followed |\n|---|---|\n");
        byCarrier.forEach((carrier, counts) -> table.append("| ").append(carrier).append(" | ").append(counts[0])
                .append(" of ").append(counts[1]).append(" |\n"));
        table.append("| payload | followed |\n|---|---|\n");
        byPayload.forEach((payload, counts) -> table.append("| ").append(payload).append(" | ").append(counts[0])
                .append(" of ").append(counts[1]).append(" |\n"));
        long followed = outcomes.stream().filter(Outcome::followed).count();
        table.append("In all: ").append(followed).append(" of ").append(outcomes.size());
        System.out.println(table);
    }
}
