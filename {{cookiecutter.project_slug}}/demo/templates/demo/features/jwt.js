"use strict";
// JWT mode. When login's body carries the refresh token too, the tokens travel in headers:
// the access token goes in "Authorization: Bearer". When they live in HttpOnly cookies the
// body's refresh token is empty, and the browser sends the cookies (with the CSRF header
// the core client adds) by itself.
(() => {
  let refresh = null;
  const rememberCore = demo.rememberCredential;
  const forgetCore = demo.forgetCredential;

  demo.rememberCredential = (data) => {
    rememberCore(data);
    if (data && data.access && data.refresh) {
      demo.state.token = `Bearer ${data.access}`;
      refresh = data.refresh;
    }
  };

  demo.forgetCredential = () => {
    forgetCore();
    refresh = null;
  };

  demo.addPanel({
    id: "token-refresh",
    title: "Refresh the access token",
    when: "authenticated",
    submit: "Refresh",
    async action() {
      // Without a refresh token in hand, the server reads it from its cookie.
      const result = await demo.api("POST", "token/refresh/", refresh ? { refresh } : {});
      if (!result.ok) return result;
      if (refresh) {
        demo.state.token = `Bearer ${result.data.access}`;
        refresh = result.data.refresh || refresh;  // a new one when rotated
      }
      return "A new access token was issued.";
    },
  });
})();
