// The bell of the back office: shows the signed-in user's unread notifications, read on load and every
// 30 seconds (polling works across nodes without keeping a connection open per tab). A file, not an inline
// script, for the Content-Security-Policy.
(function () {
    'use strict';

    var POLL_MS = 30000;

    function bell() {
        return document.querySelector('[data-notification-bell]');
    }

    function show(count) {
        var link = bell();
        if (!link) {
            return;
        }
        var badge = link.querySelector('[data-notification-count]');
        var label = count > 0
            ? link.getAttribute('data-label-unread').replace('{0}', String(count))
            : link.getAttribute('data-label');
        link.setAttribute('aria-label', label);
        link.setAttribute('title', label);
        link.setAttribute('data-unread', String(count));
        if (badge) {
            badge.textContent = count > 99 ? '99+' : String(count);
            badge.classList.toggle('d-none', count <= 0);
        }
    }

    function refresh() {
        var link = bell();
        if (!link || document.hidden) {
            return;
        }
        fetch(link.getAttribute('href') + '/unread-count', {
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'}
        }).then(function (response) {
            // a session that ended answers with the login page: leave the bell as it is
            var type = response.headers.get('Content-Type') || '';
            return response.ok && type.indexOf('json') >= 0 ? response.json() : null;
        }).then(function (body) {
            if (body && typeof body.unread === 'number') {
                show(body.unread);
            }
        }).catch(function () {
            // offline for a moment: the next poll tries again
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (!bell()) {
            return;
        }
        refresh();
        setInterval(refresh, POLL_MS);
        document.addEventListener('visibilitychange', refresh);
    });
})();
