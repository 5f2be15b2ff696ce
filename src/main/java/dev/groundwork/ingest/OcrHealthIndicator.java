package dev.groundwork.ingest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether scans are read, as the {@code ocr} component of {@code /actuator/health}: {@code available} (with the binary
 * and languages), {@code missing} (auto, but no tesseract binary) or {@code off}. Always UP: without OCR the service
 * still reads every document with a text layer.
 */
@Component
class OcrHealthIndicator implements HealthIndicator {

    private final OcrAvailability ocr;

    OcrHealthIndicator(OcrAvailability ocr) {
        this.ocr = ocr;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("setting", ocr.setting().name().toLowerCase(java.util.Locale.ROOT));
        if (ocr.available()) {
            return health.withDetail("status", "available").withDetail("binary", ocr.binary())
                    .withDetail("languages", ocr.languages()).build();
        }
        return health.withDetail("status", ocr.setting() == OcrMode.OFF ? "off" : "missing")
                .withDetail("reason", ocr.reason()).build();
    }
}
