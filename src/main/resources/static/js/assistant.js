// The description editor of the product page: "Utiliser ce texte" puts the preview into the description field (the
// product form saves it), and says so on the button.
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var use = event.target.closest('[data-assistant-use]');
        if (!use) {
            return;
        }
        var preview = document.getElementById(use.dataset.assistantUse);
        var field = document.getElementById('description');
        if (preview && field) {
            field.value = preview.value;
            field.dispatchEvent(new Event('input', {bubbles: true}));
            field.focus();
            use.textContent = use.dataset.done;
        }
    });
})();

// The chat page's message box: Enter sends, Shift+Enter adds a line (as does Enter while an input method composes);
// a second submit is ignored while the answer is awaited, and the last message is brought into view.
(function () {
    'use strict';
    document.addEventListener('keydown', function (event) {
        var box = event.target;
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing || !(box instanceof HTMLTextAreaElement)) {
            return;
        }
        var form = box.closest('form[data-assistant-chat]');
        if (!form) {
            return;
        }
        event.preventDefault();
        form.requestSubmit();
    });
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form instanceof HTMLFormElement && form.matches('[data-assistant-chat], [data-examples]')) {
            if (form.dataset.sending === 'true') {
                event.preventDefault();
                return;
            }
            form.dataset.sending = 'true';
            form.setAttribute('aria-busy', 'true');
        }
    });
    var last = document.getElementById('last-message');
    if (last) {
        last.scrollIntoView({block: 'nearest'});
    }
})();
