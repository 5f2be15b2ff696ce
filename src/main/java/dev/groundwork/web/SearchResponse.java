package dev.groundwork.web;

import java.util.List;

record SearchResponse(String query, List<SearchHit> hits, long tookMs) {
}
