// Draws the Chart.js charts of a page: <canvas data-chart='{"type":…,"data":…}'>. The page gives the
// data; the look (colours per series, no animation for people who asked for less motion) is set here, and
// so are the page language's formats: Chart.js's `locale`, numbers and amounts on the value axis and in the
// tooltips through Intl.NumberFormat ("20 000", "1 500 €"), days given as ISO dates ("2026-11-06") written
// as the reader says them ("6 nov. 2026"). A chart whose values are amounts says so with "currency": "EUR".
(function () {
    'use strict';

    var locale = document.documentElement.lang || 'fr';
    var isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
    // French puts a (narrow) space before a colon.
    var colon = locale.indexOf('fr') === 0 ? '\u202f: ' : ': ';
    var days = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});

    function dayLabel(label) {
        var parts = typeof label === 'string' ? isoDay.exec(label) : null;
        return parts ? days.format(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])) : label;
    }

    // Axis ticks are round figures ("20 000 €"); tooltips give the amount to the cent.
    function numbers(currency, digits) {
        if (!currency) {
            return new Intl.NumberFormat(locale, {maximumFractionDigits: digits});
        }
        try {
            var options = {style: 'currency', currency: currency};
            if (digits === 0) {
                options.minimumFractionDigits = 0;
                options.maximumFractionDigits = 0;
            }
            return new Intl.NumberFormat(locale, options);
        } catch (e) {
            return new Intl.NumberFormat(locale, {maximumFractionDigits: digits});
        }
    }

    var palette = ['#2f7d4f', '#d94841', '#e0a526', '#3b6fb6', '#7a4fb3', '#2a9d8f', '#8d6e63', '#5c6b73'];
    var statusColours = ['#d94841', '#e0a526', '#3b6fb6', '#2f7d4f'];

    function draw(canvas) {
        if (typeof Chart === 'undefined' || canvas.dataset.drawn) {
            return;
        }
        var config = JSON.parse(canvas.dataset.chart);
        var doughnut = config.type === 'doughnut';
        var horizontal = config.horizontal === true;
        var number = numbers(config.currency, 2);
        var tick = numbers(config.currency, 0);
        delete config.horizontal;
        delete config.currency;
        config.data.labels = config.data.labels.map(dayLabel);
        config.data.datasets.forEach(function (dataset, i) {
            var colours = !doughnut ? palette[i % palette.length]
                : (config.data.labels.length === statusColours.length ? statusColours : palette);
            dataset.backgroundColor = colours;
            dataset.borderColor = doughnut ? '#fff' : colours;
        });
        var valueAxis = horizontal ? 'x' : 'y';
        config.options = {
            locale: locale,
            responsive: true,
            maintainAspectRatio: false,
            animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : {},
            indexAxis: horizontal ? 'y' : 'x',
            plugins: {
                legend: {display: doughnut || config.data.datasets.length > 1, position: 'bottom'},
                tooltip: {
                    callbacks: {
                        label: function (context) {
                            var value = doughnut ? context.parsed : context.parsed[valueAxis];
                            return (context.dataset.label ? context.dataset.label + colon : '') + number.format(value);
                        }
                    }
                }
            }
        };
        if (!doughnut) {
            config.options.scales = {};
            // Bars measure from zero: an axis starting at the smallest value would make small days look empty.
            config.options.scales[valueAxis] = {beginAtZero: true, ticks: {callback: function (value) {
                return tick.format(value);
            }}};
        }
        new Chart(canvas, config);
        canvas.dataset.drawn = 'true';
    }

    function drawAll() {
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
