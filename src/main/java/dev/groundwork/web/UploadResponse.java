package dev.groundwork.web;

import java.util.List;

/** The reply to an upload: one item per file, in the order sent. */
record UploadResponse(List<UploadItem> documents) {
}
