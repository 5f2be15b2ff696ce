package dev.groundwork.ingest;

import java.nio.file.Path;
import java.util.List;

/** How a parse worker is confined beyond its own JVM, heap and environment. */
interface WorkerSandbox {

    /** No confinement: the worker sees what the service sees (but never the service's environment). */
    WorkerSandbox NONE = new WorkerSandbox() {
        @Override
        public List<String> wrap(List<String> command, Path inbox) {
            return command;
        }

        @Override
        public boolean confinesFiles() {
            return false;
        }

        @Override
        public String toString() {
            return "none";
        }
    };

    /**
     * The command that starts {@code command} inside the sandbox.
     *
     * @param inbox the one folder of the service's files the worker may read, where each file to parse is put; null
     *              when {@link #confinesFiles()} is false
     */
    List<String> wrap(List<String> command, Path inbox);

    /** Whether the worker sees none of the service's files but what is put in its inbox. */
    boolean confinesFiles();
}
