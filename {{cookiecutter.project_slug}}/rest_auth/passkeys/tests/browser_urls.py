"""The project's URLs plus one page whose script runs the passkey ceremonies in a browser.

Used by test_browser.py: the page must come from the same origin as the API
(http://localhost:PORT), since that origin is what WebAuthn binds a passkey to.
"""

import json

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from rest_framework.settings import api_settings as drf_settings

# The README's frontend snippet, as functions the test calls with page.evaluate().
PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Passkeys</title></head>
<body>
<script>
// The Authorization header login handed out: an API token, or an access token login
// returned in the body (none when the credentials are in cookies or the session).
const SCHEME = __SCHEME__;
let authorization = null;

function remember(answer) {
  const body = answer.body || {};
  const credential = body.key || (body.refresh ? body.access : null);
  if (SCHEME && credential) authorization = SCHEME + " " + credential;
  return answer;
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function api(path, body, method = "POST") {
  const headers = { "Content-Type": "application/json", "X-CSRFToken": csrfToken() };
  if (authorization) headers.Authorization = authorization;
  const response = await fetch("/api/auth/" + path, {
    method,
    headers,
    body: method === "GET" ? undefined : JSON.stringify(body || {}),
    credentials: "same-origin",
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function passwordLogin(username, password) {
  return remember(await api("login/", { username, password }));
}

async function logout() {
  const answer = await api("logout/", {});
  authorization = null;
  return answer;
}

async function whoami() {
  return api("user/", null, "GET");
}

async function registerPasskey(name) {
  const options = await api("passkeys/register/begin/", { name });
  const credential = await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.body),
  });
  return api("passkeys/register/complete/", { credential: credential.toJSON() });
}

async function passkeyLogin(name = {}) {
  const options = await api("passkeys/login/begin/", name);
  const { session_id, ...request } = options.body;
  const credential = await navigator.credentials.get({
    publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(request),
  });
  return remember(
    await api("passkeys/login/complete/", { credential: credential.toJSON(), session_id }),
  );
}
</script>
</body>
</html>
"""


def authorization_scheme(request: HttpRequest) -> str | None:
    """Return the scheme of the project's Authorization header (``Token``, ...), if any.

    Asked of the authentication classes at run time, so one page serves every auth mode.
    """
    for authentication_class in drf_settings.DEFAULT_AUTHENTICATION_CLASSES:
        header = authentication_class().authenticate_header(request)
        if header:
            return header.split()[0]
    return None


def passkey_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE.replace("__SCHEME__", json.dumps(authorization_scheme(request))))


urlpatterns = [
    path("passkey-page/", passkey_page),
    path("api/auth/", include("rest_auth.urls")),
]
