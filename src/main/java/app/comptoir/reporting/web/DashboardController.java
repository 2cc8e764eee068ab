package app.comptoir.reporting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.PageResponse;
import app.comptoir.reporting.application.SalesDashboard;
import app.comptoir.reporting.application.SalesReport;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.SalesFigures;

/**
 * The dashboard's figures. Every endpoint takes {@code from} and {@code to} (ISO dates, inclusive, in the
 * business's time zone; default: the last 30 days up to today). Rules: {@code docs/reporting.md}.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Reporting")
@PreAuthorize("@rolePermissions.has('READ')")
class DashboardController {

    private final SalesDashboard dashboard;

    DashboardController(SalesDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/summary")
    @Operation(summary = "Everything the dashboard shows, in one call")
    SalesReport.Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "5") int top) {
        return dashboard.summary(dashboard.period(from, to), top);
    }

    @GetMapping("/revenue")
    @Operation(summary = "Revenue net and gross, the previous period of equal length and the change in %")
    SalesReport.Revenue revenue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.revenue(dashboard.period(from, to));
    }

    @GetMapping("/sales-per-day")
    @Operation(summary = "Sold orders and revenue per day, every day of the period (zeros included)")
    List<SalesReport.Day> salesPerDay(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.salesPerDay(dashboard.period(from, to));
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders created in the period, counted by their current status")
    Map<OrderStatus, Long> orders(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.orders(dashboard.period(from, to));
    }

    @GetMapping("/sales-per-product")
    @Operation(summary = "Top products by units sold and by net revenue (top: 1-100, default 5)")
    SalesReport.TopProducts salesPerProduct(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(defaultValue = "5") int top) {
        return dashboard.topProducts(dashboard.period(from, to), top);
    }

    @GetMapping("/sales-per-category")
    @Operation(summary = "Units and net revenue per top-level category")
    List<SalesReport.CategorySales> salesPerCategory(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.salesPerCategory(dashboard.period(from, to));
    }

    @GetMapping("/orders-details")
    @Operation(summary = "Orders created in the period with their lines, newest first (paginated)")
    PageResponse<SalesFigures.OrderDetail> ordersDetails(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                         @RequestParam(defaultValue = "0") int page,
                                                         @RequestParam(defaultValue = "20") int size) {
        return dashboard.orderDetails(dashboard.period(from, to), page, size);
    }

    @GetMapping("/drivers")
    @Operation(summary = "Deliveries per driver and per day, and the share delivered the day the order went out")
    List<SalesReport.DriverStats> drivers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.drivers(dashboard.period(from, to));
    }

    @GetMapping("/payments")
    @Operation(summary = "Money to collect and money in, now: what is left to collect on orders out for delivery and "
            + "delivered, and today's takings per payment method",
            description = "toCollect: outForDelivery (the drivers' cash to bring back) and delivered orders not paid "
                    + "in full, how many and how much, VAT included; today: received per method, refunded and net, "
                    + "today in the business's time zone. Orders from before payments existed are not counted.")
    SalesReport.Payments payments() {
        return dashboard.payments();
    }

    @GetMapping("/average-basket")
    @Operation(summary = "Average sold order, net and gross (before returns)")
    SalesReport.AverageBasket averageBasket(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return dashboard.averageBasket(dashboard.period(from, to));
    }
}
