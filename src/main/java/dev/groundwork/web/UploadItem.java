package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One file of an upload: its own HTTP status, what happened ({@code created}, {@code known} or
 * {@code rejected}), and the document, or the problem code and detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadItem(String fileName, int status, String outcome, @JsonUnwrapped DocumentView document, String code,
                  String detail) {
}
