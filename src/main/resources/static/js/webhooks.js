// The webhook page's signing secret: show it, and copy it to the clipboard (the button says when it is done).
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var reveal = event.target.closest('[data-reveal-secret]');
        if (reveal) {
            var field = document.getElementById(reveal.dataset.revealSecret);
            field.type = field.type === 'password' ? 'text' : 'password';
            return;
        }
        var copy = event.target.closest('[data-copy-secret]');
        if (copy) {
            var input = document.getElementById(copy.dataset.copySecret);
            var done = function () {
                copy.textContent = copy.dataset.copied;
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(input.value).then(done);
            } else {
                var type = input.type;
                input.type = 'text';
                input.select();
                document.execCommand('copy');
                input.type = type;
                done();
            }
        }
    });
})();
