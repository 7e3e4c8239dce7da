// Timing helpers shared by the browser benchmarks.

// Runs `act` in the page and resolves with the milliseconds until `selector`'s text changes
// (and the next frame is painted).
export async function timeUntilChange(page, act, selector) {
  return page.evaluate(async ({ act, selector }) => {
    const target = document.querySelector(selector);
    const before = target.textContent;
    const t0 = performance.now();
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (target.textContent !== before) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(target, { childList: true, subtree: true, characterData: true });
    });
    new Function(act)();
    await changed;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, { act, selector });
}
