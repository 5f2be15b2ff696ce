package dev.groundwork.web;

import java.util.List;

record DocumentListResponse(List<DocumentView> documents) {
}
