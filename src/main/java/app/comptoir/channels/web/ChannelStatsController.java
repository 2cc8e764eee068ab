package app.comptoir.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.ChannelBoard;

/** The channels' statistics. */
@RestController
@Tag(name = "Channels: listings")
class ChannelStatsController {

    private final ChannelBoard board;

    ChannelStatsController(ChannelBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/channels/stats")
    @Operation(summary = "Publications today, success rate, errors by cause, per day and time to sell",
            description = "Rates and days over the last 30 days of the business's calendar (publications that"
                    + " succeeded, jobs that failed); errors by cause count failed jobs and account pauses; time to sell"
                    + " (published → sold, in days) over listings sold in the last 365 days.")
    ChannelBoard.Stats stats() {
        return board.stats();
    }
}
