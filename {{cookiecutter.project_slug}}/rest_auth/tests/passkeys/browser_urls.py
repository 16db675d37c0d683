"""The project's URLs plus one page whose script runs the passkey ceremonies in a browser.

Used by test_browser.py: the page must come from the same origin as the API
(http://localhost:PORT), since that origin is what WebAuthn binds a passkey to.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

# The README's frontend snippet, as functions the test calls with page.evaluate().
PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Passkeys</title></head>
<body>
<script>
{%- if cookiecutter.auth_mode == "jwt" %}
// The Authorization header login handed out: none when the tokens are in cookies.
let authorization = null;

function remember(answer) {
  if (answer.body && answer.body.access && answer.body.refresh) {
    authorization = "Bearer " + answer.body.access;
  }
  return answer;
}
{%- else %}
// The Authorization header login handed out (an API token); none with sessions.
let authorization = null;

function remember(answer) {
  if (answer.body && answer.body.key) authorization = "Token " + answer.body.key;
  return answer;
}
{%- endif %}

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


def passkey_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE)


urlpatterns = [
    path("passkey-page/", passkey_page),
    path("api/auth/", include("rest_auth.urls")),
]
