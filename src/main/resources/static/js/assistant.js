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
