// Issue 10: the 403, 404 and error pages say what happened and offer a way back (the error page
// also a retry), without showing the error's text.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ErrorPage from "./error";
import NotFound from "./not-found";
import Forbidden from "./forbidden";

describe("status pages", () => {
  it("error: a retry and a link to the start page, not the error's message", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: new Error("SELECT * FROM users failed"), reset: () => {} }));
    expect(html).toContain("Something went wrong");
    expect(html).toContain(">Try again</button>");
    expect(html).toMatch(/<a [^>]*href="\/"[^>]*>Go to your start page<\/a>/);
    expect(html).not.toContain("SELECT");
  });

  it("404 and 403: a link to the start page", () => {
    for (const page of [NotFound, Forbidden]) expect(renderToStaticMarkup(createElement(page))).toMatch(/<a [^>]*href="\/"[^>]*>Go to your start page<\/a>/);
  });
});
