// Solves the signing form's proof-of-work challenge in the background
// (petitio/petitions/proof_of_work.py). Enhancement only: without JavaScript, or
// without Web Crypto, the form is sent without a proof and still counts.
(function () {
  "use strict";
  var form = document.querySelector("form[data-challenge-url]");
  if (!form || !window.fetch || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var field = form.querySelector("input[name=proof]");
  if (!field) return;
  var encoder = new TextEncoder();
  var solving = null;
  var submitting = false;

  function hex(buffer) {
    return Array.prototype.map
      .call(new Uint8Array(buffer), function (byte) { return ("0" + byte.toString(16)).slice(-2); })
      .join("");
  }

  async function solve(challenge) {
    for (var number = 0; number <= challenge.maxnumber; number++) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number));
      if (hex(digest) === challenge.challenge) return number;
    }
    return null;
  }

  async function prove() {
    var response = await fetch(form.getAttribute("data-challenge-url"), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    var challenge = await response.json();
    var number = await solve(challenge);
    if (number === null) return;
    field.value = window.btoa(JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: number,
      salt: challenge.salt,
      signature: challenge.signature,
    }));
  }

  solving = prove().catch(function () { /* No proof: the form still works. */ });

  // If the person is faster than the proof, wait for it (a second or two), then send.
  form.addEventListener("submit", function (event) {
    if (field.value || submitting) return;
    event.preventDefault();
    submitting = true;
    solving.then(function () { form.submit(); });
  });
})();
