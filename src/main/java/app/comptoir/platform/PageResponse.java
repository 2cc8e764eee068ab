package app.comptoir.platform;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list: the items, the total count, the page number (from 0) and its size. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {

    /** Maps a Spring Data page to the API's page shape. */
    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getTotalElements(),
                page.getNumber(), page.getSize());
    }

    /** One page of a list already in memory; a page past the end shows the last one. */
    public static <T> PageResponse<T> slice(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int shown = Math.clamp(page, 0, pages - 1);
        int from = shown * size;
        return new PageResponse<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), all.size(), shown,
                size);
    }

    /** The number of pages. */
    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
