package dev.groundwork.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a container's members go as they are read: a parse worker writes each to the service at once (so the service
 * knows which member a worker was reading when it died, and a large archive is never held whole in the worker); a
 * parse in the service keeps them.
 */
interface MemberSink {

    /**
     * Members to pass over without reading them: those a worker before this one already answered (it died reading the
     * next one, which is refused, and this worker goes on after it).
     */
    int skip();

    /** A member is about to be read (parsed): the last thing known if the reading never ends. */
    void reading(String name) throws IOException;

    /** A member was read or refused. */
    void member(ContainerMember member) throws IOException;

    /** A sink that keeps every member, in order. */
    static Keeping keeping() {
        return new Keeping();
    }

    /** Keeps the members, for a parse in the service. */
    final class Keeping implements MemberSink {
        private final List<ContainerMember> members = new ArrayList<>();

        @Override
        public int skip() {
            return 0;
        }

        @Override
        public void reading(String name) {
            // nothing to tell: the member comes back with the container
        }

        @Override
        public void member(ContainerMember member) {
            members.add(member);
        }

        List<ContainerMember> members() {
            return List.copyOf(members);
        }
    }
}
