// Renders every BPMN diagram in processes/ to docs/<name>.png, the way Camunda Modeler draws it
// (bpmn-js NavigatedViewer in headless Chromium: import, saveSVG, screenshot of the SVG).
//
// How to run, from the repository root:
//   apt-get install -y chromium fonts-liberation2        # once, if /usr/bin/chromium is missing
//   npm install --prefix ~/.cache/party-admission-render --no-audit --no-fund bpmn-js playwright-core
//   node docs/render-diagram.mjs
//
// The npm packages live outside the work tree; RENDER_DEPS overrides where (default
// ~/.cache/party-admission-render) and CHROMIUM the browser binary (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const depsDir = process.env.RENDER_DEPS ?? path.join(homedir(), '.cache', 'party-admission-render');
const require = createRequire(path.join(depsDir, 'package.json'));

let chromium;
let viewerBundle;
try {
  ({ chromium } = require('playwright-core'));
  viewerBundle = require.resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js');
} catch {
  console.error(`bpmn-js and playwright-core not found in ${depsDir}; install them with:\n` +
    `  npm install --prefix ${depsDir} --no-audit --no-fund bpmn-js playwright-core`);
  process.exit(1);
}

const MARGIN = 20;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const files = (await readdir(path.join(repo, 'processes'))).filter((f) => f.endsWith('.bpmn'));
  for (const file of files) {
    const xml = await readFile(path.join(repo, 'processes', file), 'utf8');
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><meta charset="utf-8"><body style="margin:0">' +
      '<div id="canvas" style="width:4000px;height:2000px"></div>');
    await page.addScriptTag({ path: viewerBundle });
    const { svg, warnings } = await page.evaluate(async (diagram) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      const result = await viewer.importXML(diagram);
      const exported = await viewer.saveSVG();
      return { svg: exported.svg, warnings: result.warnings.map((w) => w.message) };
    }, xml);
    warnings.forEach((w) => console.warn(`${file}: ${w}`));

    // Screenshot the exported SVG itself, on white, at its natural size.
    const [, width, height] = svg.match(/width="([\d.]+)" height="([\d.]+)"/).map(Number);
    await page.setViewportSize({ width: Math.ceil(width) + 2 * MARGIN, height: Math.ceil(height) + 2 * MARGIN });
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body style="margin:${MARGIN}px;background:#fff">${svg}`);
    const png = path.join(repo, 'docs', file.replace(/\.bpmn$/, '.png'));
    await writeFile(png, await page.screenshot({ fullPage: true }));
    console.log(`${path.relative(repo, png)} (${Math.ceil(width)}x${Math.ceil(height)})`);
    await page.close();
  }
} finally {
  await browser.close();
}
