/**
 * Polyfills Fluent UI v9 needs under jsdom (import this first in a `@jest-environment jsdom` test):
 * matchMedia (motion and high-contrast queries), ResizeObserver (overflow, positioning), and
 * scrollIntoView. They do nothing: layout is not what these tests assert.
 */
import { configure } from "@testing-library/dom";

// The machine running the tests may be busy: give findBy/waitFor room before calling a test failed.
configure({ asyncUtilTimeout: 10000 });

if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

/**
 * The few DOM matchers the pane tests use (@testing-library/jest-dom is not a dependency).
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's own matcher typing is a namespace
  namespace jest {
    interface Matchers<R> {
      toBeInTheDocument(): R;
      toBeEnabled(): R;
      toBeDisabled(): R;
      toHaveTextContent(text: string | RegExp): R;
    }
  }
}

function isElement(v: unknown): v is Element {
  return typeof Element !== "undefined" && v instanceof Element;
}

function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute("aria-disabled") === "true";
}

expect.extend({
  toBeInTheDocument(received: unknown) {
    const pass = isElement(received) && received.ownerDocument.contains(received);
    return { pass, message: () => `expected element ${pass ? "not " : ""}to be in the document` };
  },
  toBeEnabled(received: unknown) {
    const pass = isElement(received) && !isDisabled(received);
    return { pass, message: () => `expected ${isElement(received) ? received.outerHTML.slice(0, 120) : String(received)} ${pass ? "not " : ""}to be enabled` };
  },
  toBeDisabled(received: unknown) {
    const pass = isElement(received) && isDisabled(received);
    return { pass, message: () => `expected element ${pass ? "not " : ""}to be disabled` };
  },
  toHaveTextContent(received: unknown, text: string | RegExp) {
    const content = isElement(received) ? (received.textContent ?? "").replace(/\s+/g, " ").trim() : "";
    const pass = typeof text === "string" ? content.includes(text) : text.test(content);
    return { pass, message: () => `expected text "${content}" ${pass ? "not " : ""}to contain ${String(text)}` };
  },
});

export {};
