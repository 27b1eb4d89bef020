// Server commands for the browser tests that need Chromium's own view of the page (CDP):
// - `ax-node`: the computed accessibility of one element (role, name, description, modal,
//   ignored and why), found by a path of selectors that descends into shadow roots;
// - `ax-names`: role and name of every node of the page's accessibility tree that assistive
//   technology can reach (not ignored), to see what the page exposes as a whole;
// - `emulate-forced-colors`: `forced-colors: active` on or off (@web/test-runner-commands'
//   emulateMedia passes only colour scheme and reduced motion on to Chromium);
// - `screenshot`: a PNG (base64) of the page's viewport clipped to `{ x, y, width, height }`,
//   to check what is painted (forced colors paint backplates that computed styles do not show);
// - `wheel`: a real mouse wheel turn of `deltaY` pixels at `{ x, y }` (viewport coordinates),
//   as Chromium's input pipeline gets it (scrolling the page if it scrolls), answered once the
//   page has handled it;
// - `emulate-phone`: a phone's screen (mobile viewport rules, touch: `hover: none` and
//   `pointer: coarse`) at `{ width, height }`, or back to the desktop with `null` (puppeteer's
//   setViewport({ isMobile }) reloads the page, which ends the test).
// Each test page gets its own CDP session, made on first use.
const sessions = new WeakMap();

async function cdp(page) {
  let session = sessions.get(page);
  if (!session) {
    session = await page.createCDPSession();
    sessions.set(page, session);
  }
  return session;
}

/** The element at `path` (each selector is looked up in the previous element's shadow root). */
function finder(path) {
  return `(() => {
    let node = document;
    for (const selector of ${JSON.stringify(path)}) {
      const root = node === document ? document : node.shadowRoot ?? node;
      node = root.querySelector(selector);
      if (!node) return null;
    }
    return node;
  })()`;
}

function describe(node) {
  const properties = Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value]));
  return {
    role: node.role?.value ?? '',
    name: node.name?.value ?? '',
    description: node.description?.value ?? '',
    ignored: !!node.ignored,
    ignoredReasons: (node.ignoredReasons ?? []).map((r) => r.name),
    properties,
  };
}

export function axPlugin() {
  return {
    name: 'kb-ax',
    async executeCommand({ command, payload, session }) {
      if (!['ax-node', 'ax-names', 'emulate-forced-colors', 'emulate-phone', 'screenshot', 'wheel'].includes(command)) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs Chromium through puppeteer`);
      const client = await cdp(session.browser.getPage(session.id));
      if (command === 'emulate-forced-colors') {
        await client.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.active ? 'active' : '' }] });
        return true;
      }
      if (command === 'wheel') {
        await client.send('Input.dispatchMouseEvent', {
          type: 'mouseWheel',
          x: payload.x,
          y: payload.y,
          deltaX: 0,
          deltaY: payload.deltaY,
        });
        return true;
      }
      if (command === 'screenshot') {
        const { data } = await client.send('Page.captureScreenshot', { format: 'png', clip: { ...payload, scale: 1 } });
        return data;
      }
      if (command === 'emulate-phone') {
        if (payload) {
          await client.send('Emulation.setDeviceMetricsOverride', {
            width: payload.width,
            height: payload.height,
            deviceScaleFactor: 2,
            mobile: true,
          });
        } else {
          await client.send('Emulation.clearDeviceMetricsOverride');
        }
        await client.send('Emulation.setTouchEmulationEnabled', { enabled: !!payload, maxTouchPoints: 5 });
        return true;
      }
      if (command === 'ax-names') {
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map(describe)
          .filter((n) => n.name)
          .map(({ role, name }) => ({ role, name }));
      }
      const { result } = await client.send('Runtime.evaluate', { expression: finder(payload.path) });
      if (!result.objectId) return null;
      try {
        const { nodes } = await client.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
        return nodes[0] ? describe(nodes[0]) : null;
      } finally {
        await client.send('Runtime.releaseObject', { objectId: result.objectId });
      }
    },
  };
}
