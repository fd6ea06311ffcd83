'use strict';
// The login form needs the session's CSRF token before it may be sent.
(function () {
  const message = document.getElementById('login-message');
  const params = new URLSearchParams(window.location.search);
  if (params.has('error')) {
    show('Sign-in refused: unknown operator name or wrong password.', 'error');
  } else if (params.has('signed-out')) {
    show('You are signed out.', 'info');
  }

  fetch('/console/session', { credentials: 'same-origin', cache: 'no-store' })
    .then((response) => response.json())
    .then((session) => {
      if (session.authenticated) {
        window.location.replace('/');
        return;
      }
      document.getElementById('csrf').name = session.csrf.parameterName;
      document.getElementById('csrf').value = session.csrf.token;
      document.getElementById('sign-in').disabled = false;
    })
    .catch(() => show('The hub does not answer; try again in a moment.', 'error'));

  function show(text, kind) {
    message.textContent = text;
    message.className = 'notice ' + kind;
    message.hidden = false;
  }
})();
