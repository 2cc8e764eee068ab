package app.comptoir.sales.web;

import java.util.UUID;

/** A line to add to a draft: the variant picked and how many. */
record LineForm(UUID variantId, Integer quantity) {

    static LineForm blank() {
        return new LineForm(null, 1);
    }
}
