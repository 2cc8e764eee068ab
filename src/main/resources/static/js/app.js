// Behaviour of the Comptoir web UI. The Content-Security-Policy allows no inline script (nor hx-on
// attributes), so everything the pages do in the browser is wired here, from data-* attributes.
(function () {
    'use strict';

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.content : null;
    }

    // htmx requests carry the CSRF token in a header, as Spring Security expects for non-GET requests.
    document.addEventListener('htmx:configRequest', function (event) {
        var header = meta('_csrf_header');
        var token = meta('_csrf');
        if (header && token) {
            event.detail.headers[header] = token;
        }
    });

    // <form data-confirm="Question?" data-confirm-button="Delete">: ask before submitting.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) {
            return;
        }
        if (form.dataset.confirmed === 'true') {
            delete form.dataset.confirmed;
            return;
        }
        event.preventDefault();
        confirmThenSubmit(form, event.submitter || null);
    });

    function confirmThenSubmit(form, submitter) {
        askConfirmation(form.dataset.confirm, form.dataset.confirmButton).then(function (confirmed) {
            if (confirmed) {
                form.dataset.confirmed = 'true';
                form.requestSubmit(submitter);
            }
        });
    }

    // The submit /js/theme.js held while this script was waiting for the page to load: ask for it now (the
    // first one only: one question at a time, and the user's first click is the one they meant).
    if (window.comptoirHeldConfirmations) {
        var held = window.comptoirHeldConfirmations.release();
        if (held.length > 0) {
            confirmThenSubmit(held[0].form, held[0].submitter);
        }
    }

    // A Bootstrap modal when available (it matches the pages and traps focus), the browser's dialog otherwise.
    function askConfirmation(message, buttonLabel) {
        var element = document.getElementById('confirm-modal');
        if (!element || !window.bootstrap) {
            return Promise.resolve(window.confirm(message));
        }
        return new Promise(function (resolve) {
            var ok = element.querySelector('[data-confirm-ok]');
            var cancel = element.querySelector('[data-confirm-cancel]');
            if (!ok.dataset.defaultLabel) {
                ok.dataset.defaultLabel = ok.textContent;
            }
            ok.textContent = buttonLabel || ok.dataset.defaultLabel;
            element.querySelector('[data-confirm-message]').textContent = message;
            var modal = window.bootstrap.Modal.getOrCreateInstance(element);
            var confirmed = false;
            var shown = false;
            function onOk() {
                confirmed = true;
                // Bootstrap ignores hide() while the dialog is still fading in: a quick click would be lost.
                if (shown) {
                    modal.hide();
                }
            }
            ok.addEventListener('click', onOk);
            // The safe choice has the focus: Enter on an unexpected dialog must not delete anything.
            element.addEventListener('shown.bs.modal', function () {
                shown = true;
                if (confirmed) {
                    modal.hide();
                } else {
                    cancel.focus();
                }
            }, {once: true});
            element.addEventListener('hidden.bs.modal', function () {
                ok.removeEventListener('click', onOk);
                resolve(confirmed);
            }, {once: true});
            modal.show();
        });
    }

    // Demo logins on the login page: a click fills the form, ready to submit.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-fill-email]');
        if (!button) {
            return;
        }
        var form = document.getElementById('login-form');
        if (!form) {
            return;
        }
        form.elements.email.value = button.dataset.fillEmail;
        form.elements.password.value = button.dataset.fillPassword || '';
        form.querySelector('[type="submit"]').focus();
    });

    // <select data-swapped-options>: its options are replaced out of band (new counts) by htmx, which
    // leaves the last option chosen; choose again the one the server marked as selected.
    document.addEventListener('htmx:afterSwap', function () {
        document.querySelectorAll('select[data-swapped-options]').forEach(function (select) {
            var chosen = Array.prototype.find.call(select.options, function (option) {
                return option.defaultSelected;
            });
            (chosen || select.options[0]).selected = true;
        });
    });

    // A part of a form swapped back by htmx with errors (data-focus-errors): the keyboard goes to the first one.
    document.addEventListener('htmx:afterSettle', function () {
        var invalid = document.querySelector('[data-focus-errors] .is-invalid:not(fieldset):not(div)');
        if (invalid && !invalid.contains(document.activeElement)) {
            invalid.focus();
        }
    });

    // <button data-print-now>: the browser's print dialog (printable views).
    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print-now]')) {
            window.print();
        }
    });

    // A form sent back with errors: the keyboard goes to the first field to fix.
    document.addEventListener('DOMContentLoaded', function () {
        var invalid = document.querySelector('main .is-invalid:not(fieldset):not(div)');
        if (invalid) {
            invalid.focus();
        }
    });

    // The account menu's display settings (theme, larger text): stored on this device, applied at once by
    // /js/theme.js (which also applies them before the first paint of the next pages).
    function store(key, value) {
        try {
            window.localStorage.setItem(key, value);
        } catch (e) {
            // storage refused: the choice lasts for this page only
        }
    }
    function showDisplaySettings() {
        var root = document.documentElement;
        var choice = root.getAttribute('data-theme-choice') || 'auto';
        document.querySelectorAll('[data-theme-choice]').forEach(function (button) {
            if (button === root) {
                return;
            }
            var pressed = button.dataset.themeChoice === choice;
            button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
            button.classList.toggle('active', pressed);
        });
        document.querySelectorAll('[data-large-text]').forEach(function (box) {
            box.checked = root.classList.contains('text-large');
        });
    }
    document.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-theme-choice]');
        if (!button) {
            return;
        }
        store('comptoir.theme', button.dataset.themeChoice);
        if (window.comptoirDisplay) {
            window.comptoirDisplay.apply();
        }
        showDisplaySettings();
    });
    document.addEventListener('change', function (event) {
        if (!event.target.matches('[data-large-text]')) {
            return;
        }
        store('comptoir.textSize', event.target.checked ? 'large' : 'normal');
        if (window.comptoirDisplay) {
            window.comptoirDisplay.apply();
        }
        showDisplaySettings();
    });
    document.addEventListener('DOMContentLoaded', showDisplaySettings);

    // A "select all" box ([data-select-all="name"]) checks or clears the boxes [data-select-item="name"] of the page.
    document.addEventListener('change', function (event) {
        var all = event.target.closest('[data-select-all]');
        if (!all) {
            return;
        }
        document.querySelectorAll('[data-select-item="' + all.dataset.selectAll + '"]').forEach(function (box) {
            box.checked = all.checked;
        });
    });

    // A table wider than the screen scrolls inside its own box (.table-responsive): that box must take the
    // keyboard focus when nothing in it can, so that keyboard users can scroll it too (WCAG 2.1.1).
    function focusableScrollBoxes() {
        document.querySelectorAll('.table-responsive, .overflow-auto').forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            var focusable = Array.prototype.some.call(box.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'),
                function (element) {
                    return !element.matches(':disabled') && element.tabIndex >= 0;
                });
            if (scrolls && !focusable) {
                enableAround(box);
                box.setAttribute('tabindex', '0');
            } else if (!scrolls && box.getAttribute('tabindex') === '0') {
                box.removeAttribute('tabindex');
            }
        });
    }
    // A read-only form disables its fields with <fieldset disabled>, which also makes everything inside it,
    // the scroll box included, unreachable for assistive technologies: the fields are disabled one by one
    // instead (same behaviour: nothing editable, nothing submitted) and the fieldset itself is left enabled.
    function enableAround(box) {
        var fieldset = box.closest('fieldset[disabled]');
        while (fieldset) {
            fieldset.querySelectorAll('input, select, textarea, button').forEach(function (control) {
                control.disabled = true;
            });
            fieldset.disabled = false;
            fieldset.classList.add('is-disabled');
            fieldset = box.closest('fieldset[disabled]');
        }
    }
    document.addEventListener('DOMContentLoaded', focusableScrollBoxes);
    document.addEventListener('htmx:afterSettle', focusableScrollBoxes);
    window.addEventListener('resize', focusableScrollBoxes);
})();

// [data-expires-after="10"]: an offer that lapses (the undo after "delivered"), removed after that many seconds.
document.addEventListener('DOMContentLoaded', function () {
    'use strict';
    document.querySelectorAll('[data-expires-after]').forEach(function (element) {
        window.setTimeout(function () {
            element.remove();
        }, 1000 * Number(element.dataset.expiresAfter));
    });
});

// [data-autocomplete-input] (the customer of a new order or quote): Enter picks the first suggestion instead of
// sending the form around it, the down arrow walks into the suggestions.
document.addEventListener('keydown', function (event) {
    'use strict';
    var input = event.target.closest && event.target.closest('[data-autocomplete-input]');
    if (!input || (event.key !== 'Enter' && event.key !== 'ArrowDown')) {
        return;
    }
    var first = document.querySelector('#' + input.getAttribute('aria-controls') + ' a');
    event.preventDefault();
    if (first && event.key === 'Enter') {
        first.click();
    } else if (first) {
        first.focus();
    }
});

// [data-countdown="2026-12-06T14:32:00Z"] (a channel account's rate window): the time left until then, "1 h 05 min"
// or "4 min 09 s", updated every second.
(function () {
    'use strict';
    function two(n) {
        return (n < 10 ? '0' : '') + n;
    }
    function tick() {
        document.querySelectorAll('[data-countdown]').forEach(function (element) {
            var end = Date.parse(element.dataset.countdown);
            if (isNaN(end)) {
                return;
            }
            var left = Math.max(0, Math.round((end - Date.now()) / 1000));
            var hours = Math.floor(left / 3600);
            var minutes = Math.floor((left % 3600) / 60);
            var seconds = left % 60;
            element.textContent = hours > 0 ? hours + ' h ' + two(minutes) + ' min'
                : minutes + ' min ' + two(seconds) + ' s';
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        if (document.querySelector('[data-countdown]')) {
            tick();
            window.setInterval(tick, 1000);
        }
    });
})();
