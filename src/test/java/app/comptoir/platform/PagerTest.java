package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class PagerTest {

    private static final UriComponentsBuilder USERS = UriComponentsBuilder.fromPath("/app/users").queryParam("q", "é a");

    @Test
    void aSinglePageNeedsNoPagination() {
        Pager pager = Pager.of(page(0, 20, 3), USERS);

        assertThat(pager.needed()).isFalse();
        assertThat(pager.from()).isEqualTo(1);
        assertThat(pager.to()).isEqualTo(3);
    }

    @Test
    void linksKeepTheFiltersAndLeaveOutPageZero() {
        Pager pager = Pager.of(page(1, 20, 45), USERS);

        assertThat(pager.previous()).isEqualTo("/app/users?q=%C3%A9%20a");
        assertThat(pager.next()).isEqualTo("/app/users?q=%C3%A9%20a&page=2");
        assertThat(pager.from()).isEqualTo(21);
        assertThat(pager.to()).isEqualTo(40);
        assertThat(pager.links()).extracting(Pager.Link::number).containsExactly(1, 2, 3);
        assertThat(pager.links()).filteredOn(Pager.Link::current).extracting(Pager.Link::number).containsExactly(2);
    }

    @Test
    void farPagesCollapseIntoGaps() {
        Pager pager = Pager.of(page(10, 10, 300), USERS);

        assertThat(pager.links()).extracting(Pager.Link::number)
                .containsExactly(1, 0, 9, 10, 11, 12, 13, 0, 30);
        assertThat(pager.links().get(1).gap()).isTrue();
    }

    @Test
    void aPageBeyondTheEndStillLeadsBack() {
        Pager pager = Pager.of(new PageResponse<>(List.of(), 45, 9, 20), USERS);

        assertThat(pager.from()).isZero();
        assertThat(pager.previous()).endsWith("page=2");
        assertThat(pager.next()).isNull();
    }

    private static PageResponse<String> page(int number, int size, long total) {
        long shown = Math.max(0, Math.min(size, total - (long) number * size));
        return new PageResponse<>(Collections.nCopies((int) shown, "item"), total, number, size);
    }
}
