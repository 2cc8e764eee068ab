// The shop's product page: the variant picker. Without this script the page offers one list of every variant
// (variantId); with it, one list per option ([data-option]) picks the variant with those values, and the page
// shows that variant's SKU, price and availability (read from the variant list's data-* attributes, written by
// the server) and keeps the cart button for what can be bought.
(function () {
    'use strict';

    function init(form) {
        var select = form.querySelector('[data-variant-select]');
        if (!select) {
            return;
        }
        var page = form.closest('[data-product-page]') || document;
        var pickers = Array.prototype.slice.call(form.querySelectorAll('[data-option]'));
        var button = form.querySelector('[data-add-to-cart]');
        var none = form.querySelector('[data-no-combination]');
        var variants = Array.prototype.map.call(select.options, function (option) {
            var values = {};
            try {
                values = JSON.parse(option.dataset.options || '{}');
            } catch (e) {
                values = {};
            }
            return { option: option, values: values };
        });

        function setText(selector, text) {
            var element = page.querySelector(selector);
            if (element) {
                element.textContent = text || '';
            }
        }

        function show(option) {
            if (none) {
                none.hidden = !!option;
            }
            if (!option) {
                button.disabled = true;
                return;
            }
            select.value = option.value;
            setText('[data-variant-sku]', option.dataset.sku);
            setText('[data-variant-price]', option.dataset.price);
            setText('[data-variant-compare]', option.dataset.compare);
            var badge = page.querySelector('[data-buy-box] [data-availability]');
            if (badge) {
                badge.textContent = option.dataset.availabilityText;
                badge.dataset.availability = option.dataset.availability;
                badge.classList.remove('text-bg-success', 'text-bg-warning', 'text-bg-secondary');
                badge.classList.add(option.dataset.availability === 'OUT_OF_STOCK' ? 'text-bg-secondary'
                    : option.dataset.availability === 'LOW_STOCK' ? 'text-bg-warning' : 'text-bg-success');
            }
            button.disabled = option.dataset.availability === 'OUT_OF_STOCK';
            // The address names the variant, so that a shared or reloaded page shows the same one.
            if (window.history && window.history.replaceState) {
                var url = new URL(window.location.href);
                url.searchParams.set('variant', option.value);
                window.history.replaceState(null, '', url.toString());
            }
        }

        function matching() {
            var found = variants.filter(function (v) {
                return pickers.every(function (picker) {
                    return v.values[picker.dataset.option] === picker.value;
                });
            });
            return found.length ? found[0].option : null;
        }

        if (pickers.length) {
            form.querySelectorAll('[data-option-picker]').forEach(function (element) {
                element.hidden = false;
            });
            var choice = form.querySelector('[data-variant-choice]');
            if (choice) {
                choice.hidden = true;
            }
            pickers.forEach(function (picker) {
                picker.addEventListener('change', function () {
                    show(matching());
                });
            });
        }
        select.addEventListener('change', function () {
            show(select.options[select.selectedIndex]);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-variant-form]').forEach(init);
    });
})();
