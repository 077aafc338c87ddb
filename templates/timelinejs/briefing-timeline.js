/*
 * Starts TimelineJS on /timeline/visual/ (a script file, not inline, so the page's
 * Content-Security-Policy can forbid inline scripts).
 *
 * Everything comes from this site: script_path points TimelineJS at the vendored copy
 * (for locale files), font: null stops it loading Google Fonts CSS, and analytics,
 * SoundCite and theme CSS stay off. The data is the site's own data/timeline.json.
 */
(function () {
  "use strict";
  var element = document.getElementById("briefing-timeline");
  if (!element || typeof window.TL === "undefined") {
    return;
  }
  var scriptPath = new URL(element.getAttribute("data-script-path"), document.baseURI).href;
  var data = new URL(element.getAttribute("data-timeline"), document.baseURI).href;
  element.textContent = "";
  window.briefingTimeline = new window.TL.Timeline(element, data, {
    script_path: scriptPath,
    font: null,
    theme: null,
    language: element.getAttribute("data-language") || "en",
    hash_bookmark: false,
    soundcite: false,
    ga_measurement_id: null,
    ga_property_id: null,
    track_events: [],
    timenav_position: "bottom"
  });
})();
