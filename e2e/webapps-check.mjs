#!/usr/bin/env node
/*
 * Browser check of Camunda Cockpit and Admin with authorization enabled (and queryMaxResultsLimit 2000), in headless
 * Chromium driven by playwright-core — the companion of tasklist-check.mjs.
 *
 * What it checks
 *   a. `secretary` nominates an eligible KTNN-01 member without an open candidacy through REST; `admin` signs in to
 *      Cockpit and opens the dashboard, the Processes list, the party-admission definition (its running instances list
 *      shows the new instance) and that process instance (its variables show the member code).
 *   b. `admin` signs in to Admin and opens the Users list, the Groups list, the members of branch-secretary.KTNN-01
 *      and the authorizations of resource "Process Instance" (the new instance's READ grant to its branch's chain is listed).
 *   Every page must load without a Camunda error notification and without any HTTP response >= 400 under /camunda/api/
 *   (URL and body are printed). One kind of 400 is Camunda's own design and is tolerated: Cockpit's queryMaxResults
 *   helper first asks for a list without maxResults, gets 400 "An unbound number of results is forbidden!" and asks
 *   again with a bound — it is accepted only when that bounded retry of the same resource succeeded (INFO line).
 *   c. `secretary` and `partycommittee` (no Cockpit/Admin application access):
 *      - signing in to Cockpit or Admin is refused: POST …/login/{cockpit|admin} → 403, the login form stays (#/login) with
 *        the notification "Đăng nhập không thành công : Sai …" (PAGE_LOGIN_FAILED and PAGE_LOGIN_ERROR_MSG of the app's
 *        locales/vi.json);
 *      - signing in to Tasklist works, the session's authorized applications are exactly tasklist and welcome, and with
 *        that session the Cockpit and Admin pages are answered with HTTP 403 (no webapp is served).
 *   The candidacy is withdrawn at the end (POST /api/candidacies/{id}/withdraw as secretary).
 *   Screenshots of every page go to ../target/e2e-webapps/ (wiped at the start of each run).
 *
 * How to run (the application must be running, default profile with demo data; every demo password is `demo`):
 *   cd e2e && npm install && node webapps-check.mjs [baseUrl]          # baseUrl defaults to http://localhost:8080
 * Environment: CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch the browser. Prints one PASS/FAIL line per check
 * and exits with status 1 when any check failed. Takes about half a minute. Do not run it at the same time as
 * tasklist-check.mjs: Camunda 7.24 webapps share the CSP nonce between requests (see tasklist-check.mjs, load()).
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { call, check, results } from './common.mjs';

const BASE = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
const APP = (app) => `${BASE}/camunda/app/${app}/default/`;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../target/e2e-webapps');
const PASSWORD = 'demo';
const RUN_MARK = '(kiểm tra tự động)'; // as in tasklist-check.mjs: either script withdraws the other's leftovers
const REASON = `Kiểm tra Cockpit và Admin, sẽ rút lại ${RUN_MARK}`;
const PROCESS_NAME = 'Kết nạp đoàn viên ưu tú vào Đảng';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 1000 };
const UNBOUND = 'An unbound number of results is forbidden!';


/** Each app's labels as the browser gets them (locales/vi.json); the pages show these, not Camunda's English. */
const L = {};
async function loadLocales() {
  for (const app of ['cockpit', 'admin']) {
    const r = await fetch(`${BASE}/camunda/app/${app}/locales/vi.json`);
    L[app] = JSON.parse((await r.text()).replace(/^\uFEFF/, '')).labels;
  }
}
const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Đăng nhập không thành công : Sai …" — PAGE_LOGIN_FAILED and PAGE_LOGIN_ERROR_MSG of the app's vi.json. */
const loginRefused = (app) => new RegExp(`^${esc(L[app].PAGE_LOGIN_FAILED)}\\s*:\\s*${esc(L[app].PAGE_LOGIN_ERROR_MSG)}$`);

async function rest(user, method, path, body) {
  return call(BASE, PASSWORD, user, method, path, body);
}

/** An eligible KTNN-01 member without an open or admitted candidacy (as tasklist-check.mjs picks one). */
async function pickMember() {
  const members = (await rest('secretary', 'GET', '/api/members?branch=KTNN-01')).json || [];
  const candidacies = (await rest('secretary', 'GET', '/api/candidacies?branch=KTNN-01')).json || [];
  const used = new Set(candidacies.filter((c) => ['IN_PROGRESS', 'ADMITTED'].includes(c.status)).map((c) => c.memberCode));
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  const ageYears = (m) => (Date.now() - Date.parse(m.birthDate)) / (365.25 * 24 * 3600 * 1000);
  const eligible = (m) => ageYears(m) >= 18.2 && ageYears(m) < 29.5 && m.youthUnionActive && m.education !== 'PRIMARY'
    && ['EXCELLENT', 'GOOD'].includes(m.lastRating) && m.lastRatingYear >= thisYear - 1 && !used.has(m.code);
  // Members with an awareness certificate first: tasklist-check.mjs wants the ones without.
  const pick = members.filter(eligible).sort((a, b) => !!b.awarenessCertificateDate - !!a.awarenessCertificateDate)[0];
  if (pick) return pick.code;
  const code = `KTNN01-E2E${Date.now().toString(36).toUpperCase()}`;
  const r = await rest('admin', 'POST', '/api/members', {
    code, fullName: 'Nguyễn Văn Kiểm Thử', birthDate: `${thisYear - 22}-03-15`, gender: 'MALE', branchCode: 'KTNN-01',
    youthUnionJoinDate: `${thisYear - 7}-03-26`, education: 'UNIVERSITY', lastRating: 'EXCELLENT', lastRatingYear: thisYear - 1,
  });
  check(`register a new member ${code} (every demo member of KTNN-01 is in use)`, r.status < 300, `HTTP ${r.status}`);
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// Browser: one page per sign-in, every /camunda/api/ response recorded.

let browser;
let shotNo = 0;
const shots = [];

async function screenshot(page, name) {
  const path = `${OUT}/${String(++shotNo).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path });
  shots.push(path);
  return path;
}

async function newPage() {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  page.api = []; // { method, url, status, body } of /camunda/api/ responses since the last visit
  page.inFlight = new Set();
  page.csp = false;
  page.on('request', (r) => r.url().includes('/camunda/api/') && page.inFlight.add(r));
  page.on('requestfailed', (r) => page.inFlight.delete(r));
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) page.csp = true; });
  page.on('response', async (r) => {
    if (!r.url().includes('/camunda/api/')) return;
    const entry = { method: r.request().method(), url: r.url(), status: r.status(), body: '' };
    page.api.push(entry);
    if (r.status() >= 400) entry.body = (await r.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
    page.inFlight.delete(r.request());
  });
  return page;
}

/** Waits until no /camunda/api/ request has been pending for 700 ms (at most 15 s). */
async function settle(page) {
  let quiet = 0;
  for (let waited = 0; waited < 15000 && quiet < 700; waited += 100) {
    await page.waitForTimeout(100);
    quiet = page.inFlight.size ? 0 : quiet + 100;
  }
}

/**
 * Loads an app's index page, reloading when it did not start. A page whose scripts were blocked by another response's
 * CSP nonce is counted (cspBlocked): the application gives each page its own (common/WebappPageNonce), so any is a
 * failure.
 */
let cspBlocked = 0;
async function openApp(page, app) {
  for (let attempt = 1; ; attempt += 1) {
    page.csp = false;
    await page.goto('about:blank');
    await page.waitForTimeout(attempt === 1 ? 300 : 2000);
    await page.goto(APP(app));
    const ok = await page.locator('form[name=signinForm] input[type=password]')
      .waitFor({ timeout: 15000 }).then(() => true, () => false);
    if (page.csp) cspBlocked += 1;
    if (ok) return;
    if (attempt === 3) throw new Error(`${app} did not start after 3 loads${page.csp ? ' (scripts blocked by CSP)' : ''}`);
  }
}

/** Signs in on the app's login form; returns the status of POST …/login/{app}. */
async function signIn(page, app, user) {
  await openApp(page, app);
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  const login = page.waitForResponse((r) => r.url().endsWith(`/auth/user/default/login/${app}`));
  await page.locator('form[name=signinForm] button[type=submit]').click();
  const status = (await login).status();
  await settle(page);
  return status;
}

async function notifications(page) {
  return (await page.locator('.notifications .alert').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').replace(/^×\s*/, '').trim())
    .filter(Boolean);
}

/**
 * HTTP errors under /camunda/api/ since the last visit, without Camunda's designed probes: the "who is signed in" 404
 * before sign-in, and an unbounded list refused with 400 (queryMaxResultsLimit) followed by a successful bounded retry.
 */
function apiErrors(page) {
  const probes = [];
  const errors = page.api.filter((e) => {
    if (e.status < 400) return false;
    if (e.status === 404 && e.method === 'GET' && /\/auth\/user\/default$/.test(e.url)) return false;
    const u = new URL(e.url);
    if (e.status === 400 && e.method === 'GET' && e.body.includes(UNBOUND) && !u.searchParams.has('maxResults')
      && page.api.some((o) => o.status < 300 && new URL(o.url).pathname === u.pathname && new URL(o.url).searchParams.has('maxResults'))) {
      probes.push(`${u.pathname}${u.search}`);
      return false;
    }
    return true;
  });
  return { errors, probes };
}

/** Opens a route of a signed-in app, waits for its content and checks that it loaded cleanly. */
async function visit(page, name, url, ready) {
  page.api = [];
  await page.goto(url);
  const shown = await ready(page).then(() => true, (e) => e.message.split('\n')[0]);
  await settle(page);
  const shot = await screenshot(page, name);
  const notes = await notifications(page);
  const { errors, probes } = apiErrors(page);
  for (const p of probes) console.log(`INFO  ${name}: Cockpit's unbounded probe GET ${p} → 400 "${UNBOUND}", retried with maxResults (Camunda design)`);
  const detail = [shown === true ? '' : `content not shown: ${shown}`,
    ...notes.map((n) => `notification "${n}"`),
    ...errors.map((e) => `HTTP ${e.status} ${e.method} ${e.url.replace(BASE, '')} ${e.body}`)].filter(Boolean);
  check(`${name} loads without error`, shown === true && !notes.length && !errors.length, `${detail.join('; ')}${detail.length ? ' ' : ''}(${shot})`);
}

const text = (p, t) => p.getByText(t, { exact: true }).first().waitFor();

// ---------------------------------------------------------------------------------------------------------------

const state = { candidacyId: null, processInstanceId: null, memberCode: null };

async function main() {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: !process.env.HEADED, args: LAUNCH_ARGS });
  const up = await rest('admin', 'GET', '/engine-rest/version').catch((e) => ({ status: 0, text: e.cause?.code || e.message }));
  if (!check(`application reachable at ${BASE}`, up.status === 200, up.status ? `HTTP ${up.status}` : up.text)) return;
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  await loadLocales();

  // Leftovers of an interrupted run of this script.
  for (const c of ((await rest('secretary', 'GET', '/api/candidacies?branch=KTNN-01')).json || [])
    .filter((x) => x.status === 'IN_PROGRESS' && x.nominationReason === REASON)) {
    await rest('secretary', 'POST', `/api/candidacies/${c.id}/withdraw`, { reason: `Lần chạy trước bị dừng ${RUN_MARK}` });
  }
  state.memberCode = await pickMember();
  const started = await rest('secretary', 'POST', '/engine-rest/process-definition/key/party-admission/submit-form', {
    variables: { memberCode: { value: state.memberCode }, nominationReason: { value: REASON } },
  });
  state.processInstanceId = started.json?.id;
  state.candidacyId = started.json?.businessKey;
  if (!check(`secretary nominates ${state.memberCode} through REST`, started.status === 200 && state.candidacyId,
    `HTTP ${started.status}, candidacy ${state.candidacyId}, process instance ${state.processInstanceId}`)) return;
  const definitionId = started.json.definitionId;

  // a. Cockpit as admin.
  let page = await newPage();
  const cockpitLogin = await signIn(page, 'cockpit', 'admin');
  check('admin signs in to Cockpit', cockpitLogin === 200 && !(await notifications(page)).length, `POST login/cockpit → HTTP ${cockpitLogin}`);
  const C = APP('cockpit');
  await visit(page, 'cockpit-dashboard', `${C}#/dashboard`, async (p) => {
    await text(p, L.cockpit.DASHBOARD_RUNNING_PROCESS_INSTANCE);
    await text(p, L.cockpit.DASHBOARD_PROCESS_DEFINITIONS);
  });
  await visit(page, 'cockpit-processes', `${C}#/processes`, (p) => p.locator('table a', { hasText: PROCESS_NAME }).first().waitFor());
  await visit(page, 'cockpit-process-definition', `${C}#/process-definition/${definitionId}/runtime`,
    (p) => p.locator(`a[href*="process-instance/${state.processInstanceId}"]`).first().waitFor());
  await visit(page, 'cockpit-process-instance', `${C}#/process-instance/${state.processInstanceId}/runtime`, async (p) => {
    await p.locator('.djs-container').first().waitFor();
    await text(p, 'memberCode');
    await p.getByText(state.memberCode).first().waitFor();
  });
  await page.context().close();

  // b. Admin as admin.
  page = await newPage();
  const adminLogin = await signIn(page, 'admin', 'admin');
  check('admin signs in to Admin', adminLogin === 200 && !(await notifications(page)).length, `POST login/admin → HTTP ${adminLogin}`);
  const A = APP('admin');
  // The OpenAPI description of /api, for administrators: its UI with the same session as Admin.
  const swagger = await page.goto(`${BASE}/swagger-ui.html`);
  const swaggerShown = await page.getByText('/api/candidacies/{id}', { exact: true }).first()
    .waitFor({ timeout: 30000 }).then(() => true, () => false);
  const swaggerShot = await screenshot(page, 'admin-openapi-ui');
  check('admin opens the OpenAPI UI of /api and sees its operations', swagger?.status() === 200 && swaggerShown,
    `GET /swagger-ui.html → HTTP ${swagger?.status()} (${swaggerShot})`);
  const anonymousDocs = await fetch(`${BASE}/api-docs`);
  check('the OpenAPI document is refused without sign-in', anonymousDocs.status === 401, `HTTP ${anonymousDocs.status}`);
  await visit(page, 'admin-users', `${A}#/users`, async (p) => {
    for (const u of ['admin', 'partycommittee', 'secretary2']) await p.locator('table a', { hasText: new RegExp(`^${u}$`) }).waitFor();
  });
  await visit(page, 'admin-groups', `${A}#/groups`, async (p) => {
    for (const g of ['camunda-admin', 'branch-secretary.KTNN-01']) await p.locator('table a', { hasText: new RegExp(`^${g}$`) }).waitFor();
  });
  await visit(page, 'admin-group-branch-secretary.KTNN-01-users', `${A}#/groups/branch-secretary.KTNN-01?tab=users`, async (p) => {
    await text(p, L.admin.GROUP_EDIT_GROUP_USERS);
    await p.locator('table a', { hasText: /^secretary$/ }).waitFor();
  });
  await visit(page, 'admin-authorizations-process-instance', `${A}#/authorization?resource=8`, async (p) => {
    await p.locator('.section-content header h3', { hasText: `${L.admin.AUTHORIZATION_PROCESS_INSTANCE} ${L.admin.AUTHORIZATION_AUTHORIZATIONS}` })
      .first().waitFor();
    await p.locator('tr', { hasText: 'chain.KTNN-01' }).filter({ hasText: state.processInstanceId })
      .filter({ hasText: 'READ' }).first().waitFor();
  });
  await page.context().close();

  // c. Officers: no Cockpit, no Admin; Tasklist works.
  for (const user of ['secretary', 'partycommittee']) {
    for (const app of ['cockpit', 'admin']) {
      page = await newPage();
      const status = await signIn(page, app, user);
      const shot = await screenshot(page, `${user}-${app}-login-refused`);
      const notes = await notifications(page);
      const onLogin = /#\/login/.test(page.url()) && await page.locator('form[name=signinForm] input[type=password]').isVisible();
      check(`${user} signing in to ${app} is refused (HTTP 403, login form kept, "${L[app].PAGE_LOGIN_FAILED}" notification)`,
        status === 403 && onLogin && notes.length === 1 && loginRefused(app).test(notes[0]),
        `POST login/${app} → HTTP ${status}, URL ${page.url().replace(BASE, '')}, notifications ${JSON.stringify(notes)} (${shot})`);
      await page.context().close();
    }
    page = await newPage();
    const status = await signIn(page, 'tasklist', user);
    const inTasklist = await page.locator('.task-filter').first().waitFor().then(() => true, () => false);
    const shot = await screenshot(page, `${user}-tasklist`);
    const { errors } = apiErrors(page);
    check(`${user} signs in to Tasklist and sees the filters`, status === 200 && inTasklist && !errors.length,
      `POST login/tasklist → HTTP ${status}${errors.map((e) => `; HTTP ${e.status} ${e.url.replace(BASE, '')} ${e.body}`).join('')} (${shot})`);
    const apps = await page.evaluate(async () => (await (await fetch('/camunda/api/admin/auth/user/default')).json()).authorizedApps);
    check(`${user}'s webapp session is authorized for exactly tasklist and welcome`,
      JSON.stringify([...(apps || [])].sort()) === '["tasklist","welcome"]', JSON.stringify(apps));
    for (const app of ['cockpit', 'admin']) {
      const r = await page.goto(APP(app));
      const shot2 = await screenshot(page, `${user}-${app}-with-tasklist-session`);
      const served = await page.locator('script[src*="camunda"]').count();
      check(`${user}, signed in to Tasklist, gets HTTP 403 for the ${app} page and no ${app} app`, r.status() === 403 && served === 0,
        `GET ${APP(app).replace(BASE, '')} → HTTP ${r.status()} (${shot2})`);
    }
    await page.context().close();
  }
}

let crashed = null;
try {
  await main();
} catch (e) {
  crashed = e;
  check('run completed without an unexpected error', false, e.stack?.split('\n').slice(0, 4).join(' ') || String(e));
} finally {
  if (state.candidacyId) {
    const w = await rest('secretary', 'POST', `/api/candidacies/${state.candidacyId}/withdraw`,
      { reason: `Hồ sơ kiểm tra Cockpit và Admin, rút lại ${RUN_MARK}` }).catch((e) => ({ status: 0, text: e.message }));
    check(`candidacy ${state.candidacyId} withdrawn by secretary`, w.status === 200, `HTTP ${w.status} ${w.status === 200 ? '' : w.text}`);
  }
  if (browser) await browser.close();
}
check('no page load had scripts blocked by another response\'s CSP nonce', cspBlocked === 0, `${cspBlocked} blocked`);

const failed = results.filter((r) => !r.ok);
console.log('\nScreenshots:');
for (const s of shots) console.log(`  ${s}`);
console.log(`\n${results.length - failed.length}/${results.length} checks passed${failed.length ? `, ${failed.length} FAILED` : ''}`);
process.exit(failed.length || crashed ? 1 : 0);
