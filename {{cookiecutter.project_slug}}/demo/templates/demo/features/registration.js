"use strict";
// Registration: sign up, confirm the email address from the link in the email
// (FRONTEND_URL/verify-email/<key>/, served by this page), and ask for a new link.
(() => {
  const verifyLink = window.location.pathname.match(/\/verify-email\/([^/]+)\/$/);
  const signupFields = {
    username: { label: "Username", autocomplete: "username" },
    email: { label: "Email address", type: "email", autocomplete: "email" },
    password1: { label: "Password", type: "password", autocomplete: "new-password" },
    password2: { label: "Password, again", type: "password", autocomplete: "new-password" },
  };

  demo.addPanel({
    id: "register",
    title: "Sign up",
    when: "anonymous",
    visible: () => !verifyLink,
    // The fields this project's sign-up takes (ACCOUNT_SIGNUP_FIELDS), in its order.
    fields: demo.config.signup_fields.map(({ name, required }) => ({
      label: name, ...signupFields[name], name, required,
    })),
    submit: "Sign up",
    async action(values) {
      const result = await demo.api("POST", "registration/", values);
      if (!result.ok) return result;
      // Under mandatory verification the answer is a message and no credential; otherwise
      // it is the login endpoint's answer.
      demo.rememberCredential(result.data);
      if (result.data && result.data.detail) {
        return `${result.data.detail} Open the link in it ` +
          "(in development, the email is printed on the server's console).";
      }
      return "Signed up and logged in.";
    },
  });

  demo.addPanel({
    id: "verify-email",
    title: "Confirm your email address",
    when: "always",
    visible: () => Boolean(verifyLink),
    submit: "Confirm",
    async action() {
      const result = await demo.api("POST", "registration/verify-email/", { key: verifyLink[1] });
      if (result.ok) demo.rememberCredential(result.data);
      return result.ok ? "Your email address is confirmed." : result;
    },
  });

  demo.addPanel({
    id: "resend-email",
    title: "No confirmation email?",
    when: "anonymous",
    visible: () => !verifyLink,
    fields: [{ name: "email", label: "Email address", type: "email", autocomplete: "email" }],
    submit: "Send a new link",
    async action(values) {
      const result = await demo.api("POST", "registration/resend-email/", values);
      // The server's answer names its cooldown: at most one link per address every few minutes.
      return result.ok ? result.data.detail : result;
    },
  });
})();
