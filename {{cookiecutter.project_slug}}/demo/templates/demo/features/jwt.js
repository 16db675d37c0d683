"use strict";
// JWT mode. When login's body carries the refresh token too, the tokens travel in headers:
// the access token goes in "Authorization: Bearer". When they live in HttpOnly cookies the
// body's refresh token is empty, and the browser sends the cookies (with the CSRF header
// the core client adds) by itself.
//
// The access token lives minutes: like any single-page app, the page renews it with the
// refresh token when the API answers 401, on load too (a reload after the access token
// expired), and gives up after one refused renewal until the next login.
(() => {
  let refresh = null;
  // Whether a refresh token may be at hand: in memory, or in its HttpOnly cookie, which the
  // page cannot see; it remembers across reloads that a login left one there.
  const COOKIE_HINT = "demo-refresh-cookie";
  let renewable = localStorage.getItem(COOKIE_HINT) === "yes";
  const rememberCore = demo.rememberCredential;
  const forgetCore = demo.forgetCredential;

  function useTokens(data) {
    if (data && data.access && data.refresh) {
      demo.state.token = `Bearer ${data.access}`;
      refresh = data.refresh;
    } else if (data && data.access && refresh) {
      demo.state.token = `Bearer ${data.access}`;  // no rotation: the refresh token stays
    }
  }

  demo.rememberCredential = (data) => {
    rememberCore(data);
    useTokens(data);
    if (data && data.access !== undefined) {
      renewable = true;
      if (!refresh) localStorage.setItem(COOKIE_HINT, "yes");  // the tokens are in cookies
    }
  };

  demo.forgetCredential = () => {
    forgetCore();
    refresh = null;
    renewable = false;
    localStorage.removeItem(COOKIE_HINT);
  };

  // Ask for a new access token; the request itself never triggers another renewal.
  async function renewTokens() {
    const result = await demo.api("POST", "token/refresh/", refresh ? { refresh } : {}, { renew: false });
    if (result.ok) useTokens(result.data);
    return result;
  }

  demo.renewCredential = async () => {
    if (!renewable) return false;
    renewable = false;  // one try: until it succeeds, a 401 is final
    const result = await renewTokens();
    renewable = result.ok;
    return result.ok;
  };

  demo.addPanel({
    id: "token-refresh",
    title: "Refresh the access token",
    when: "authenticated",
    submit: "Refresh",
    async action() {
      const result = await renewTokens();
      return result.ok ? "A new access token was issued." : result;
    },
  });
})();
