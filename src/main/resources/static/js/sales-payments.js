// The order page's payment link: copy it to the clipboard (the button says when it is done).
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var copy = event.target.closest('[data-copy-link]');
        if (!copy) {
            return;
        }
        var input = document.getElementById(copy.dataset.copyLink);
        var done = function () {
            copy.textContent = copy.dataset.copied;
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(done);
        } else {
            input.select();
            document.execCommand('copy');
            done();
        }
    });
})();
