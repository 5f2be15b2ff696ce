package dev.groundwork.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The ingest folder and the limits on what comes into it.
 *
 * @param dir                the drop folder and store of every document; uploads go to its {@code uploads/}
 * @param maxFileSize        larger files are refused with 413 TOO_LARGE
 * @param maxRequestSize     an upload request larger than this is refused as a whole with 413 TOO_LARGE, before
 *                           its body is read when it declares its length
 * @param maxFilesPerRequest more files in one upload request are refused with 413 TOO_MANY_FILES (Tomcat reads
 *                           no more parts than that, and a few form fields)
 * @param maxCharacters      a document that yields more text is refused with 422 EXPANDS_TOO_MUCH
 */
public record IngestSettings(
        @DefaultValue("ingest") @NotNull Path dir,
        @DefaultValue("50MB") @NotNull DataSize maxFileSize,
        @DefaultValue("200MB") @NotNull DataSize maxRequestSize,
        @DefaultValue("20") @Min(1) @Max(1000) int maxFilesPerRequest,
        @DefaultValue("20000000") @Min(1000) long maxCharacters) {
}
