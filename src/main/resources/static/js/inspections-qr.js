// The reception's QR scanner: where the browser has BarcodeDetector, a "Scan" button opens the camera, reads the
// booking's QR code (the customer's link) and opens its check-in; elsewhere the code or reference is typed.
(function () {
    'use strict';
    const form = document.querySelector('[data-qr-form]');
    if (!form || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
        return;
    }
    const button = form.querySelector('[data-qr-camera]');
    const video = form.querySelector('[data-qr-video]');
    const input = form.querySelector('input[name="code"]');
    button.hidden = false;
    let stream = null;

    function stop() {
        if (stream) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            stream = null;
        }
        video.hidden = true;
    }

    button.addEventListener('click', async function () {
        if (stream) {
            stop();
            return;
        }
        try {
            const detector = new window.BarcodeDetector({formats: ['qr_code']});
            stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}});
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            const look = async function () {
                if (!stream) {
                    return;
                }
                const codes = await detector.detect(video).catch(function () { return []; });
                if (codes.length > 0) {
                    input.value = codes[0].rawValue;
                    stop();
                    form.submit();
                    return;
                }
                window.requestAnimationFrame(look);
            };
            look();
        } catch (e) {
            stop();
            input.focus();
        }
    });
})();
