package com.acme.numbers.sandbox;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** Bandwidth's paging of lists: a page size, a {@code page} key and {@code Link} headers in the body. */
final class SandboxPages {

    private SandboxPages() {
    }

    /** Keyset paging as Bandwidth does it: {@code page} is 1 or the id of the first row of the page. */
    static Mono<ServerResponse> page(ServerRequest request, Map<String, String> query, List<SandboxXmlWriter.Row> rows,
            boolean disconnects) {
        if (rows.isEmpty()) {
            return SandboxApi.notFound();
        }
        int size = parseSize(query.get("size"));
        String page = query.getOrDefault("page", "1");
        int start = 0;
        if (!"1".equals(page)) {
            start = rows.stream().map(SandboxXmlWriter.Row::id).toList().indexOf(page);
            if (start < 0) {
                return SandboxApi.notFound();
            }
        }
        int end = Math.min(rows.size(), start + size);
        String next = end < rows.size() ? link(request, rows.get(end).id(), size) + "rel=\"next\";" : null;
        String first = link(request, "1", size) + "rel=\"first\";";
        return SandboxApi.xml(HttpStatus.OK, SandboxXmlWriter.list(rows.subList(start, end), rows.size(), first, next, disconnects));
    }

    private static int parseSize(String value) {
        try {
            return value == null ? 300 : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        }
        catch (NumberFormatException ex) {
            return 300;
        }
    }

    static String link(ServerRequest request, String page, int size) {
        String url = UriComponentsBuilder.fromUri(request.uri()).replaceQuery(null)
                .queryParam("page", page).queryParam("size", size).build().toUriString();
        return "Link=<" + url + ">;";
    }
}
