package dev.groundwork.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system (tmpfs) that tests can fill up. Mounting needs root, which the CI here has; where it
 * is missing, {@link #mount} returns null and the tests that need one are skipped.
 */
public final class SmallDisk {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} at a new folder, or returns null when this machine does not allow it. */
    public static SmallDisk mount(int megabytes) {
        try {
            Path point = Files.createTempDirectory("groundwork-small-disk-");
            if (run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", point.toString()) != 0) {
                Files.deleteIfExists(point);
                return null;
            }
            return new SmallDisk(point);
        } catch (IOException e) {
            return null;
        }
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a ballast file until the disk refuses another byte; returns it, to be deleted to free the space. */
    public Path fill() throws IOException {
        Path ballast = mountPoint.resolve("ballast-" + System.nanoTime());
        try (OutputStream out = Files.newOutputStream(ballast)) {
            for (int block = 1 << 20; block >= 1; block /= 4) {
                byte[] bytes = new byte[block];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException full) {
                    // this block size no longer fits: try a smaller one
                }
            }
        } catch (IOException closingOnAFullDisk) {
            // closing flushes nothing more; the file is as full as it gets
        }
        return ballast;
    }

    /** Unmounts lazily: files the service still holds open keep the tmpfs alive until they are closed. */
    public void unmount() {
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
