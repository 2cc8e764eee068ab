// The platform's code scanner (QR codes and product barcodes), in every browser. A form marked data-code-scanner with
// a text input marked data-code-scanner-input (else its first text input) and the pieces of
// fragments/code-scanner.html gets two buttons: "Scanner" opens the camera and reads the code live, "Photo" reads it
// from a picture file (a phone without live camera permission, a screenshot). On a read the input gets the code and
// the form is submitted (requestSubmit, so a page's own submit handler runs), unless a listener of the cancelable
// "code-scanner:read" event (detail.code, detail.format) on the form calls preventDefault.
// data-code-scanner-formats: BarcodeDetector's format names separated by spaces or commas ("qr_code" by default; the
// shop floor's barcodes are "ean_13 ean_8 code_128 upc_a").
// The browser's BarcodeDetector reads the codes where it has them (Chrome on Android, macOS, ChromeOS); elsewhere
// (Firefox, Safari, Chrome on Linux and Windows) html5-qrcode, a ZXing port shipped in the application's webjar, is
// loaded on first use from the status line's data-library address (same origin, as the Content-Security-Policy
// wants; its photo path shows the picture through a blob: URL, which img-src allows).
// Texts come from the status line's data-text-* attributes (rendered from the message bundle in the page's
// language); French, or English when the page's lang is English, when they are missing.
// The camera closes on a read, on the button again, on Escape, and when the page is hidden or left.
"use strict";
(() => {
  const DEFAULT_TEXTS = {
    fr: {
      starting: "Ouverture de la caméra…",
      looking: "Présentez le code à la caméra. Échap pour arrêter.",
      reading: "Lecture de la photo…",
      read: "Code lu :",
      denied: "La caméra est refusée à cette page : autorisez-la dans le navigateur, ou prenez le code en photo, ou tapez-le.",
      "no-camera": "Aucune caméra disponible : prenez le code en photo ou tapez-le.",
      "camera-failed": "La caméra n'a pas pu s'ouvrir : prenez le code en photo ou tapez-le.",
      "not-found": "Aucun code lisible sur cette photo : reprenez-la de plus près et bien nette, ou tapez le code.",
      unavailable: "Le lecteur de codes n'a pas pu se charger : tapez le code."
    },
    en: {
      starting: "Opening the camera…",
      looking: "Hold the code up to the camera. Escape to stop.",
      reading: "Reading the photo…",
      read: "Code read:",
      denied: "The camera is refused to this page: allow it in the browser, or take a photo of the code, or type it.",
      "no-camera": "No camera available: take a photo of the code or type it.",
      "camera-failed": "The camera could not be opened: take a photo of the code or type it.",
      "not-found": "No readable code in this photo: take it closer and sharp, or type the code.",
      unavailable: "The code reader could not be loaded: type the code."
    }
  };
  const LIBRARY_FPS = 10;
  const PHOTO_WIDTH = 1280;

  // [scale, degrees]: the picture as chosen, then turned and scaled copies on a white margin.
  const PHOTO_TRIES = [[1, 0], [0.8, 45], [0.8, -20], [0.6, 0], [1, 30]];

  let library = null;

  // A copy of the picture scaled (from at most PHOTO_WIDTH pixels wide) and turned, on white, as a PNG file.
  async function redrawn(picture, scale, degrees) {
    const bitmap = await createImageBitmap(picture);
    const fit = Math.min(1, PHOTO_WIDTH / Math.max(bitmap.width, bitmap.height)) * scale;
    const width = Math.round(bitmap.width * fit);
    const height = Math.round(bitmap.height * fit);
    const side = Math.ceil(Math.hypot(width, height) * 1.1);
    const canvas = document.createElement("canvas");
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, side, side);
    context.translate(side / 2, side / 2);
    context.rotate(degrees * Math.PI / 180);
    context.drawImage(bitmap, -width / 2, -height / 2, width, height);
    bitmap.close();
    const blob = await new Promise((resolve, reject) =>
      canvas.toBlob(b => b ? resolve(b) : reject(new Error("no picture")), "image/png"));
    return new File([blob], "code.png", { type: "image/png" });
  }

  // html5-qrcode, loaded once per page, on first need.
  function loadLibrary(url) {
    if (window.__Html5QrcodeLibrary__) {
      return Promise.resolve(window.__Html5QrcodeLibrary__);
    }
    if (!library) {
      library = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.onload = () => window.__Html5QrcodeLibrary__
          ? resolve(window.__Html5QrcodeLibrary__) : reject(new Error("html5-qrcode missing"));
        script.onerror = () => reject(new Error("html5-qrcode not loaded"));
        document.head.appendChild(script);
      }).catch(error => {
        library = null;
        throw error;
      });
    }
    return library;
  }

  // A camera error (a DOMException from getUserMedia, or html5-qrcode's text that quotes it) as a text's key.
  function cameraProblem(error) {
    const said = String((error && error.name) || "") + " " + String(error);
    if (/NotAllowed|Permission|Security/i.test(said)) {
      return "denied";
    }
    if (/NotFound|DevicesNotFound|Overconstrained|not supported/i.test(said)) {
      return "no-camera";
    }
    return "camera-failed";
  }

  function setUp(form) {
    const input = form.querySelector("[data-code-scanner-input]")
      || form.querySelector("input[type=text], input[type=search], input:not([type])");
    const cameraButton = form.querySelector("[data-code-scanner-camera]");
    const photoButton = form.querySelector("[data-code-scanner-photo]");
    const file = form.querySelector("[data-code-scanner-file]");
    const view = form.querySelector("[data-code-scanner-view]");
    const statusLine = form.querySelector("[data-code-scanner-status]");
    if (!input || !view || !statusLine || form.hasAttribute("data-code-scanner-ready")) {
      return;
    }
    form.setAttribute("data-code-scanner-ready", "");
    const formats = (form.getAttribute("data-code-scanner-formats") || "qr_code")
      .split(/[\s,]+/).filter(Boolean).map(f => f.toLowerCase());
    const lang = (document.documentElement.lang || "fr").toLowerCase().startsWith("en") ? "en" : "fr";
    let engine = null; // {name, ...} once chosen
    let camera = null; // {stop: async function} while the camera is open
    let done = false;
    let opening = false;

    function text(key) {
      return statusLine.getAttribute("data-text-" + key) || DEFAULT_TEXTS[lang][key];
    }

    function say(key, tone, extra) {
      statusLine.textContent = key ? text(key) + (extra ? " " + extra : "") : "";
      statusLine.classList.toggle("text-danger", tone === "danger");
      statusLine.classList.toggle("text-success", tone === "success");
    }

    // BarcodeDetector when it reads every format asked, else html5-qrcode; the page can read which in
    // data-code-scanner-engine (the tests check that the fallback did the reading).
    async function chooseEngine() {
      if (engine) {
        return engine;
      }
      if ("BarcodeDetector" in window) {
        try {
          const supported = await window.BarcodeDetector.getSupportedFormats();
          if (formats.every(f => supported.includes(f))) {
            engine = { name: "barcode-detector", detector: new window.BarcodeDetector({ formats: formats }) };
          }
        } catch (e) {
          // an unusable detector: the library reads instead
        }
      }
      if (!engine) {
        const lib = await loadLibrary(statusLine.getAttribute("data-library"));
        const known = formats.map(f => lib.Html5QrcodeSupportedFormats[f.toUpperCase()]).filter(f => f !== undefined);
        if (!view.id) {
          view.id = (form.id || "code-scanner") + "-view";
        }
        // The library scales a photo down to its element's width before reading it: the photos get an element
        // of their own, laid out (a hidden one measures 0) but invisible, wide enough for a phone's picture.
        const photoArea = document.createElement("div");
        photoArea.id = view.id + "-photo";
        photoArea.setAttribute("aria-hidden", "true");
        Object.assign(photoArea.style, { position: "fixed", left: "0", top: "0", width: PHOTO_WIDTH + "px",
          height: "0", overflow: "hidden", visibility: "hidden", pointerEvents: "none" });
        form.appendChild(photoArea);
        const config = { formatsToSupport: known, verbose: false };
        engine = {
          name: "html5-qrcode",
          reader: new lib.Html5Qrcode(view.id, config),
          photoReader: new lib.Html5Qrcode(photoArea.id, config)
        };
      }
      form.setAttribute("data-code-scanner-engine", engine.name);
      return engine;
    }

    function read(code, format) {
      if (done) {
        return;
      }
      done = true;
      closeCamera();
      input.value = code;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      say("read", "success", code);
      const event = new CustomEvent("code-scanner:read", { bubbles: true, cancelable: true,
        detail: { code: code, format: format } });
      const submit = form.dispatchEvent(event);
      done = false;
      if (!submit) {
        input.focus();
        return;
      }
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    function showCameraOpen(open) {
      cameraButton.setAttribute("aria-pressed", open ? "true" : "false");
      cameraButton.textContent = cameraButton.getAttribute(open ? "data-label-stop" : "data-label-start")
        || cameraButton.textContent;
      view.hidden = !open;
    }

    async function closeCamera() {
      const open = camera;
      camera = null;
      showCameraOpen(false);
      if (open) {
        await open.stop().catch(() => {});
      }
    }

    async function openWithDetector(detector) {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: "environment" } });
      const video = document.createElement("video");
      video.className = "w-100 rounded border";
      video.muted = true;
      video.setAttribute("playsinline", "");
      video.srcObject = stream;
      view.replaceChildren(video);
      let looking = true;
      const opened = {
        stop: async () => {
          looking = false;
          stream.getTracks().forEach(t => t.stop());
          video.srcObject = null;
          view.replaceChildren();
        }
      };
      camera = opened;
      await video.play();
      const look = async () => {
        if (!looking || camera !== opened) {
          return;
        }
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length > 0 && looking) {
          read(codes[0].rawValue, codes[0].format);
          return;
        }
        window.requestAnimationFrame(look);
      };
      look();
    }

    async function openWithLibrary(reader) {
      const opened = {
        stop: async () => {
          try {
            await reader.stop();
          } catch (e) {
            // not scanning any more
          }
          reader.clear();
        }
      };
      camera = opened;
      await reader.start({ facingMode: "environment" }, { fps: LIBRARY_FPS },
        (code, result) => {
          if (camera === opened) {
            read(code, result && result.result && result.result.format && result.result.format.formatName);
          }
        },
        () => {}); // called on every frame without a code
    }

    async function openCamera() {
      opening = true;
      showCameraOpen(true);
      say("starting");
      try {
        const chosen = await chooseEngine();
        if (chosen.name === "barcode-detector") {
          await openWithDetector(chosen.detector);
        } else {
          await openWithLibrary(chosen.reader);
        }
        if (camera) {
          say("looking");
        }
      } catch (error) {
        await closeCamera();
        say(engine ? cameraProblem(error) : "unavailable", "danger");
        input.focus();
      } finally {
        opening = false;
      }
    }

    // The library's ZXing port picks the QR code's finder patterns the old way (ZXing before 3.4) and misses some
    // codes, about 8 in 100 of the bookings' links drawn pixel-perfect (a screenshot); the same picture turned or
    // scaled is read: measured on 300 links drawn by the platform, the first two tries read them all.
    async function readWithLibrary(reader, picture) {
      let lastError = null;
      for (const [scale, turn] of PHOTO_TRIES) {
        try {
          const tried = scale === 1 && turn === 0 ? picture : await redrawn(picture, scale, turn);
          return await reader.scanFileV2(tried, false);
        } catch (error) {
          lastError = error;
        } finally {
          reader.clear();
        }
      }
      throw lastError;
    }

    async function readPhoto(picture) {
      await closeCamera();
      say("reading");
      let chosen;
      try {
        chosen = await chooseEngine();
      } catch (error) {
        say("unavailable", "danger");
        input.focus();
        return;
      }
      try {
        if (chosen.name === "barcode-detector") {
          const bitmap = await createImageBitmap(picture);
          const codes = await chosen.detector.detect(bitmap);
          if (codes.length === 0) {
            throw new Error("no code");
          }
          read(codes[0].rawValue, codes[0].format);
        } else {
          const result = await readWithLibrary(chosen.photoReader, picture);
          read(result.decodedText, result.result && result.result.format && result.result.format.formatName);
        }
      } catch (error) {
        say("not-found", "danger");
        photoButton.focus();
      }
    }

    if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && cameraButton) {
      cameraButton.hidden = false;
      cameraButton.addEventListener("click", () => {
        if (opening) {
          return;
        }
        if (camera) {
          closeCamera().then(() => say(null));
          input.focus();
        } else {
          openCamera();
        }
      });
    }
    if (photoButton && file) {
      photoButton.hidden = false;
      photoButton.addEventListener("click", () => file.click());
      file.addEventListener("change", () => {
        const picture = file.files && file.files[0];
        file.value = "";
        if (picture) {
          readPhoto(picture);
        }
      });
    }
    document.addEventListener("keydown", event => {
      if (event.key === "Escape" && camera) {
        event.preventDefault();
        closeCamera().then(() => say(null));
        cameraButton.focus();
      }
    });
    document.addEventListener("visibilitychange", () => {
      if (document.hidden && camera) {
        closeCamera().then(() => say(null));
      }
    });
    window.addEventListener("pagehide", () => closeCamera());
  }

  function setUpAll() {
    document.querySelectorAll("form[data-code-scanner]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
