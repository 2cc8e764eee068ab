// What must work before the page has finished loading (this script is loaded synchronously in <head>, while
// /js/app.js is deferred until the whole page is parsed): the theme and the held confirmations below.
//
// The theme and text size chosen on this device, applied before the first paint (before the stylesheets are
// used) so that a dark page never flashes white.
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

// A form with data-confirm asks before it submits, but /js/app.js, which asks, runs only once the page is
// parsed: a click on "Delete" in a long page that is still loading would submit without the question. Until
// app.js says it is ready, such submits are held here (in the capture phase, before anything else sees them)
// and handed to app.js, which asks then; htmx's own requests start from the same submit event.
(function () {
    'use strict';
    var held = [];
    function hold(event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || form.dataset.confirmed === 'true') {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        // One question per form: a second click while the page loads does not ask twice.
        for (var i = 0; i < held.length; i++) {
            if (held[i].form === form) {
                return;
            }
        }
        held.push({form: form, submitter: event.submitter || null});
    }
    document.addEventListener('submit', hold, true);
    window.comptoirHeldConfirmations = {
        // Called once by app.js when its own listener is in place: it asks for the held submits.
        release: function () {
            document.removeEventListener('submit', hold, true);
            return held.splice(0, held.length);
        }
    };
})();
