package app.comptoir.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pagination of a list page: where the shown items sit in the whole, and the links to the previous,
 * next and neighbouring pages (keeping the page's filters), for the {@code fragments/pagination} fragment.
 *
 * @param page       the current page, from 0
 * @param totalPages the number of pages
 * @param total      the number of items across all pages
 * @param from       the 1-based position of the first item shown (0 when none)
 * @param to         the 1-based position of the last item shown
 * @param previous   the previous page's link, or null on the first page
 * @param next       the next page's link, or null on the last page
 * @param links      the numbered links, with a gap (number 0) where pages are skipped
 */
public record Pager(int page, int totalPages, long total, long from, long to, String previous, String next,
                    List<Link> links) {

    private static final int AROUND = 2;

    /** A numbered page link; number 0 is a gap ("…"). */
    public record Link(int number, String url, boolean current) {

        /** Whether this stands for skipped pages. */
        public boolean gap() {
            return number == 0;
        }
    }

    /** The pagination of a page of results; {@code base} is the list's URL with its filters, without the page. */
    public static Pager of(PageResponse<?> results, UriComponentsBuilder base) {
        int pages = results.totalPages();
        int current = results.page();
        long from = results.items().isEmpty() ? 0 : (long) current * results.size() + 1;
        long to = results.items().isEmpty() ? 0 : from + results.items().size() - 1;
        List<Link> links = new ArrayList<>();
        int previousShown = -1;
        for (int p = 0; p < pages; p++) {
            boolean edge = p == 0 || p == pages - 1;
            if (edge || Math.abs(p - current) <= AROUND) {
                if (previousShown >= 0 && p - previousShown > 1) {
                    links.add(new Link(0, null, false));
                }
                links.add(new Link(p + 1, url(base, p), p == current));
                previousShown = p;
            }
        }
        return new Pager(current, pages, results.total(), from, to,
                current > 0 && pages > 0 ? url(base, Math.min(current, pages) - 1) : null,
                current < pages - 1 ? url(base, current + 1) : null, links);
    }

    /** Whether there is more than one page to move between. */
    public boolean needed() {
        return totalPages > 1;
    }

    private static String url(UriComponentsBuilder base, int page) {
        UriComponentsBuilder builder = base.cloneBuilder();
        if (page == 0) {
            builder.replaceQueryParam("page");
        } else {
            builder.replaceQueryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }
}
