package dev.groundwork.answer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The conversations the service keeps for a while: a random id per conversation, bound to the caller that started
 * it, its latest turns cut to a few characters each. Bounded in count (the least recently used goes first), turns
 * and characters ({@link ConversationSettings}), and dropped after {@code expire-after} unused. In memory: a restart
 * forgets them, and each node of several keeps its own.
 */
@Component
public class Conversations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Kept(String owner, List<Turn> turns, Instant used) {
    }

    private final ConversationSettings settings;
    private final Clock clock;
    /** In access order: the first entry is the one used least recently. */
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);

    public Conversations(ConversationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The application's clock where it has one (the service's), the system's otherwise (the evaluation's). */
    @Autowired
    Conversations(ConversationSettings settings, ObjectProvider<Clock> clock) {
        this(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    /** A new, empty conversation for this caller; its id. */
    public synchronized String start(String owner) {
        Objects.requireNonNull(owner, "owner");
        String id = "conv_" + HexFormat.of().formatHex(bytes());
        put(id, new Kept(owner, List.of(), clock.instant()));
        return id;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * The earlier turns of a conversation of this caller.
     *
     * @throws ConversationNotFoundException for an id not kept, expired, or another caller's
     */
    public synchronized Conversation find(String id, String owner) {
        expire();
        Kept conversation = kept.get(id);
        if (conversation == null || !conversation.owner().equals(owner)) {
            throw new ConversationNotFoundException(id);
        }
        // used now: it moves to the end of the access order, where the latest times are
        put(id, new Kept(owner, conversation.turns(), clock.instant()));
        return new Conversation(conversation.turns());
    }

    /** Adds a turn to a conversation, keeping the latest {@code max-turns}; nothing if it is no longer kept. */
    public synchronized void add(String id, String owner, Turn turn) {
        Kept conversation = kept.get(id);
        if (conversation == null || !conversation.owner().equals(owner)) {
            return;
        }
        List<Turn> turns = new ArrayList<>(conversation.turns());
        turns.add(turn.cut(ConversationSettings.KEPT_CHARS));
        while (turns.size() > settings.maxTurns()) {
            turns.remove(0);
        }
        put(id, new Kept(owner, List.copyOf(turns), clock.instant()));
    }

    /** How many conversations are kept now. */
    public synchronized int size() {
        expire();
        return kept.size();
    }

    private void put(String id, Kept conversation) {
        kept.put(id, conversation);
        expire();
        Iterator<String> oldest = kept.keySet().iterator();
        while (kept.size() > settings.maxConversations() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Drops conversations unused for too long; the least recently used come first, so the scan stops early. */
    private void expire() {
        Instant before = clock.instant().minus(settings.expireAfter());
        Iterator<Map.Entry<String, Kept>> entries = kept.entrySet().iterator();
        while (entries.hasNext()) {
            if (!entries.next().getValue().used().isBefore(before)) {
                return;
            }
            entries.remove();
        }
    }
}
