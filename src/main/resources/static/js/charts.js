// Draws the Chart.js charts of a page: <canvas data-chart='{"type":…,"data":…}'>. The page gives the
// data; the look (colours per series, no animation for people who asked for less motion) is set here.
(function () {
    'use strict';

    var palette = ['#2f7d4f', '#d94841', '#e0a526', '#3b6fb6', '#7a4fb3', '#2a9d8f', '#8d6e63', '#5c6b73'];
    var statusColours = ['#d94841', '#e0a526', '#3b6fb6', '#2f7d4f'];

    function draw(canvas) {
        if (typeof Chart === 'undefined' || canvas.dataset.drawn) {
            return;
        }
        var config = JSON.parse(canvas.dataset.chart);
        var doughnut = config.type === 'doughnut';
        config.data.datasets.forEach(function (dataset, i) {
            var colours = doughnut ? statusColours : palette[i % palette.length];
            dataset.backgroundColor = colours;
            dataset.borderColor = doughnut ? '#fff' : colours;
        });
        config.options = {
            responsive: true,
            maintainAspectRatio: false,
            animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : {},
            indexAxis: canvas.dataset.horizontal ? 'y' : 'x',
            plugins: {legend: {display: doughnut || config.data.datasets.length > 1, position: 'bottom'}}
        };
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
