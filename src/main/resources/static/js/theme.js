// The theme and text size chosen on this device, applied before the first paint (this script is loaded
// synchronously in <head>, before the stylesheets are used) so that a dark page never flashes white.
// Stored in localStorage: a per-device preference, like the language cookie. /js/app.js changes them.
(function () {
    'use strict';
    var root = document.documentElement;
    function stored(key) {
        try {
            return window.localStorage.getItem(key);
        } catch (e) {
            return null; // storage refused (private mode, policy): the defaults apply
        }
    }
    function apply() {
        var choice = stored('comptoir.theme') || 'auto';
        var dark = choice === 'dark' || (choice === 'auto' && window.matchMedia
            && window.matchMedia('(prefers-color-scheme: dark)').matches);
        root.setAttribute('data-bs-theme', dark ? 'dark' : 'light');
        root.setAttribute('data-theme-choice', choice);
        root.classList.toggle('text-large', stored('comptoir.textSize') === 'large');
    }
    apply();
    window.comptoirDisplay = {apply: apply};
    if (window.matchMedia) {
        var query = window.matchMedia('(prefers-color-scheme: dark)');
        if (query.addEventListener) {
            query.addEventListener('change', apply);
        }
    }
})();
