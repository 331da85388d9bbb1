#!/usr/bin/env node
/*
 * End-to-end check of the party-admission forms in Camunda Tasklist, with a real browser (Debian chromium driven by
 * playwright-core).
 *
 * What it checks
 *   1. Nomination through the Tasklist start form "Kết nạp đoàn viên ưu tú vào Đảng" (form nominateMember):
 *      - two ineligible members are refused with a Vietnamese reason shown by Tasklist
 *        (secretary → KTNN01-013, under 18; secretary2 → HVBC01-013, last rating);
 *      - secretary (branch KTNN-01) may not nominate a member of branch HVBC-01 (REST);
 *      - one eligible member of branch KTNN-01 without a valid awareness certificate is nominated by `secretary`
 *        (KTNN01-001 on a fresh database, then the next such demo member; once all are used, the script registers a
 *        new member KTNN01-E2E… as admin through POST /api/members).
 *   2. The candidacy is driven through every user task, recordBranchVote … recordAdmissionCeremony (14 task forms:
 *      11 stages, recordAwarenessCertificate included because the member has no valid certificate, and
 *      verifyBackground once per subject). checkDossier ticks "Lý lịch có vợ hoặc chồng" only, so verifyBackground opens
 *      as exactly four parallel tasks "Thẩm tra lý lịch: Người xin vào Đảng | Cha đẻ | Mẹ đẻ | Vợ hoặc chồng"; each is
 *      gone through on its own (the others stay open meanwhile) and its form must show "Người được thẩm tra: <subject>"
 *      equal to its name's suffix. For each task:
 *      - the responsible demo user sees it in the filter "Việc của đơn vị tôi"; every other demo user (the other
 *        roles, the other branch's secretary and admin) sees it in neither "Việc của tôi" nor "Việc của đơn vị tôi";
 *      - due date: REST carries `due` exactly on verifyBackground, recordPartyCommitteeVote, recordAdmissionDecision and
 *        recordAdmissionCeremony. Tasklist 7.24 shows it only as moment's relative time, in Vietnamese ("Hạn 17 ngày
 *        tới" on the task card in the list, "3 tháng tới" beside the bell icon in the task view's header), with the
 *        date itself only in the tooltip on hover (camDate 'long' of our config.js, e.g. "thứ tư, 17/02/2027 17:00",
 *        in the browser's zone); both places, text and tooltip, are compared with REST's `due` in Asia/Ho_Chi_Minh,
 *        and a task without `due` must show none in either place;
 *      - on the first task the officer also opens the History and Diagram tabs, adds a comment and sets a follow-up
 *        date: every request Tasklist makes for them must succeed;
 *      - the user claims it, finds it in "Việc của tôi", and the form renders: every contract field is found by its
 *        Vietnamese label, no label is cut off, no input is pre-filled, no raw `{{…}}` template is left, and the
 *        read-only summary of earlier stages shows the values entered before;
 *      - the form is filled (dates through the date picker's text input, numbers, radios, checkboxes) and completed
 *        through the UI; REST completion is only a fallback when the UI cannot be driven, and then fails the check;
 *      - the links to the documents of earlier stages are in the form and download with the Tasklist session;
 *      - recordBranchVote: votes above the members present are refused by the server with a Vietnamese message and
 *        the task stays open ("Không thể ghi nhận <task name>: …"); assignIntroducer: 6 months worked together is
 *        flagged by the form in Vietnamese (Complete disabled); recordAwarenessCertificate: an empty certificate number
 *        is refused by the form ("Trường này là bắt buộc.") and the server alike.
 *   3. After the ceremony the job executor runs the asynchronous startProbation step and the admission instance ends
 *      at memberAdmitted; GET /api/candidacies/{id} reports status ADMITTED, its timeline names the user of every stage,
 *      one verification per subject (its notes readable by partycommittee, not by secretary), and holds the values
 *      typed in the browser; a `probation` instance runs with the
 *      candidacy id as business key and GET /api/candidacies/{id}/probation (partycell) answers IN_PROBATION with the
 *      ceremony date, the end twelve months later and the vote's due date after it. The administrator then makes the
 *      probation's timer due now: partycell claims the cell's vote in Tasklist, its form renders every field, and a
 *      meeting dated today (before the twelve months end) is refused by the server, the task left open.
 *   4. Withdrawal in Tasklist: "Rút hồ sơ đề nghị kết nạp" is startable by the Youth Union officers (secretary,
 *      secretary2, youthcommittee) and not by the Party roles; `secretary` nominates another eligible KTNN-01 member
 *      (REST); `secretary2` (HVBC-01) submits the start form requestWithdrawal for it and is refused with
 *      "Không thể rút hồ sơ …", the candidacy unchanged (IN_PROGRESS, same timeline, same open task); `secretary`
 *      submits it: the candidacy is WITHDRAWN, its instance ended with no open task, the reason in the timeline.
 *   5. Tasklist speaks Vietnamese: Claim, Complete, Start process and Start show their labels of the served
 *      locales/vi.json; no visible text of the task list, the task view, a start form, a refusal, the filter dialog
 *      or the user menu is an English string of Camunda's tasklist locales/en.json (see loadLocales()); and no
 *      Tasklist request was refused other than the expected form refusals (each listed with method, path, status and
 *      body).
 *   Screenshots of every rendered form (01 the nomination start form, 02–15 the task forms, 16 the withdrawal start
 *   form), of the due date's tooltip (card and task view) and of every error go to ../target/e2e/ (wiped at the start
 *   of each run; outside git), the English found as english-<place>.png. Lines starting with "NOTE" report app
 *   behaviour worth a look without failing the run.
 *
 * How to run (the application must be running, default profile with demo data; every demo password is `demo`):
 *   cd e2e && npm install && node tasklist-check.mjs [baseUrl]          # baseUrl defaults to http://localhost:8080
 * Environment: CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch the browser, DEBUG=1 to log every request.
 * Prints one PASS/FAIL line per check and exits with status 1 when any check failed. Re-runnable: every run nominates
 * a fresh member; candidacies left open by an interrupted run (nomination reason ending "(kiểm tra tự động)") are
 * withdrawn at the end of that run or at the start of the next one. Takes about 6 minutes.
 *
 * Only one Tasklist page is live at a time, see load(): Camunda 7.24 webapps share the CSP nonce between requests.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { call, check, results } from './common.mjs';

const BASE = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
const TASKLIST = `${BASE}/camunda/app/tasklist/default/`;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../target/e2e');
const PASSWORD = 'demo';
const ZONE = 'Asia/Ho_Chi_Minh';
const PROCESS_NAME = 'Kết nạp đoàn viên ưu tú vào Đảng';
const WITHDRAWAL_NAME = 'Rút hồ sơ đề nghị kết nạp';
const FILTER_MINE = 'Việc của tôi';
const FILTER_UNIT = 'Việc của đơn vị tôi';
const RUN_MARK = '(kiểm tra tự động)';
const REQUIRED_MESSAGE = 'Trường này là bắt buộc.'; // form-js's "Field is required." as form-messages-vi.js writes it // ends every nomination reason this script submits
const USERS = ['secretary', 'secretary2', 'youthcommittee', 'partycell', 'partycommittee', 'superior', 'admin'];

// ---------------------------------------------------------------------------------------------------------------
// Reporting

const notes = [];
const shots = [];


function note(text) {
  notes.push(text);
  console.log(`NOTE  ${text}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: the app's "today" is the date in Vietnam; the browser runs in the same zone with a Vietnamese locale.

function isoDaysAgo(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()); // yyyy-mm-dd
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd/mm/yyyy, the format of the Vietnamese date picker and of the forms' summaries. */
function dmy(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

// ---------------------------------------------------------------------------------------------------------------
// REST (engine and domain API), HTTP Basic

async function rest(user, method, path, body) {
  return call(BASE, PASSWORD, user, method, path, body);
}

async function openTasks(processInstanceId) {
  const r = await rest('admin', 'GET', `/engine-rest/task?processInstanceId=${processInstanceId}&maxResults=50`);
  return r.json || [];
}

/**
 * The open tasks of a running instance, waiting for the job executor when the instance is between tasks (the
 * awareness-certificate check runs asynchronously); [] once the instance has ended.
 */
async function nextTasks(processInstanceId) {
  for (let waited = 0; waited < 30000; waited += 500) {
    const tasks = await openTasks(processInstanceId);
    if (tasks.length) return tasks;
    const running = await rest('admin', 'GET', `/engine-rest/process-instance/${processInstanceId}`);
    if (running.status === 404) return [];
    await new Promise((r) => setTimeout(r, 500));
  }
  const incidents = await rest('admin', 'GET', `/engine-rest/incident?processInstanceId=${processInstanceId}&maxResults=50`);
  check('the instance reaches its next task within 30 s', false, `incidents: ${incidents.text.slice(0, 300)}`);
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Browser

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 1000 };

let browser;
const sessions = new Map(); // user → page (logged in)
const pending = new Map(); // user → page (logging in)
let filterIds = {};

/**
 * The logged-in page of a user, made the only live Tasklist page: the other users' pages are parked on about:blank so
 * that their background polling cannot collide with a page load (see load()).
 */
async function session(user) {
  for (const [other, page] of sessions) {
    if (other !== user && page.url() !== 'about:blank') await page.goto('about:blank');
  }
  if (sessions.has(user)) return sessions.get(user);
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: ZONE });
  context.setDefaultTimeout(30000);
  const page = await context.newPage();
  pending.set(user, page);
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.get(page)?.push(m.text());
  });
  const inFlight = new Set();
  page.inFlight = inFlight;
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  page.on('response', async (r) => {
    if (r.status() >= 400 && !/\/(auth\/user\/default|camunda-welcome)/.test(r.url())) {
      pageErrors.get(page)?.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
      if (r.url().includes('/camunda/api/')) {
        const body = (await r.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
        apiRefusals.push({ user, method: r.request().method(), path: r.url().replace(BASE, ''), status: r.status(), body });
      }
    }
  });
  if (process.env.DEBUG) {
    page.on('requestfailed', (r) => console.log(`DEBUG ${user} request failed ${r.url()} ${r.failure()?.errorText}`));
    page.on('console', (m) => m.type() === 'error' && console.log(`DEBUG ${user} console ${m.text()}`));
    page.on('request', (r) => r.url().includes('/api/') && console.log(`DEBUG ${user} ${r.method()} ${r.url()}`));
    page.on('pageerror', (e) => console.log(`DEBUG ${user} pageerror ${e.message}`));
  }
  await load(page, TASKLIST, (p) => p.locator('input[type=password]').waitFor({ timeout: 15000 }));
  await submitLogin(page, user);
  page.user = user;
  pending.delete(user);
  sessions.set(user, page);
  return page;
}

/**
 * Camunda 7.24's webapp keeps the CSP nonce of the index page in a ServletContext attribute that every request
 * overwrites, so a page load that overlapped any other request to the webapp could get a nonce that did not match its
 * scripts: the page then stayed on its spinner ("violates the following Content Security Policy directive"). The
 * application now gives each page its own (common/WebappPageNonce), so a blocked load counts as a failure
 * (cspRetries, checked at the end). This script still keeps one live Tasklist page at a time (session()), so that
 * the users' background polling does not race with a page load, and reloads a page that did not start.
 */
let cspRetries = 0;
const apiRefusals = []; // every /camunda/api/ response >= 400 a Tasklist page got: { user, method, path, status, body }
const pageErrors = new WeakMap(); // page → recent console errors, for diagnostics

async function load(page, url, ready) {
  const problems = [];
  for (let attempt = 1; ; attempt += 1) {
    // Leave the current document first and give the server a moment to finish the requests it had started (they
    // would race with the index page), so that nothing of the old document is taken for the new one's readiness.
    await page.goto('about:blank');
    await page.waitForTimeout(attempt === 1 ? 300 : 2000);
    pageErrors.set(page, []);
    const ok = ready(page).then(() => true, () => false);
    await page.goto(url, { waitUntil: 'load' });
    if (await ok) return;
    const errors = pageErrors.get(page) || [];
    const cspBlocked = errors.some((e) => /Content Security Policy/.test(e));
    const loggedOut = await page.locator('input[type=password]').isVisible().catch(() => false);
    const shot = `load-failure-${page.user || 'login'}-${Date.now()}.png`;
    await screenshot(page, shot).catch(() => {});
    const pending = [...(page.inFlight || [])].map((r) => `${r.method()} ${r.url().replace(BASE, '')}`);
    problems.push(`${cspBlocked ? 'scripts blocked by CSP' : loggedOut ? 'login page shown' : (errors[0] || 'no error logged')}`
      + `${pending.length ? `, pending: ${pending.join(', ')}` : ''} (${shot})`);
    if (attempt === 4) throw new Error(`Tasklist did not start after 4 loads of ${url}: ${problems.join('; ')}`);
    if (cspBlocked) cspRetries += 1;
    if (loggedOut && page.user) await submitLogin(page, page.user);
  }
}

/**
 * Signs in on the login form. Tasklist has, about one CI run in three, stayed a white page after the first sign-in
 * following start-up; that is a failed check with what the page showed (console errors, requests still pending, a
 * screenshot), and the page is then loaded again so that the rest of the run still checks the pipeline.
 */
async function submitLogin(page, user) {
  pageErrors.set(page, []);
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.locator('form[name=signinForm] button[type=submit]').click();
  if (await page.locator('.task-filter').first().waitFor().then(() => true, () => false)) return;
  const errors = pageErrors.get(page) || [];
  const pending = [...(page.inFlight || [])].map((r) => `${r.method()} ${r.url().replace(BASE, '')}`);
  const shot = await screenshot(page, `signin-failure-${user}-${Date.now()}.png`).catch(() => 'no screenshot');
  check(`Tasklist shown after ${user} signed in`, false, `${errors.slice(0, 3).join(' | ') || 'no error logged'}`
    + `${pending.length ? `; pending: ${pending.join(', ')}` : ''} (${shot})`);
  await load(page, TASKLIST, (p) => p.locator('.task-filter').first().waitFor({ timeout: 15000 }));
}

/** Reloads Tasklist on the named filter and waits until its task list has been fetched and drawn. */
async function openFilter(page, name) {
  const id = filterIds[name];
  // A new query string forces a full page load, so the list shown is fetched now.
  await load(page, `${TASKLIST}?t=${Date.now()}#/?filter=${id}`,
    (p) => p.waitForResponse((r) => r.url().includes(`/filter/${id}/list`) && r.ok(), { timeout: 15000 }));
  await page.locator('[cam-tasks] .tasks-list, [cam-tasks] .well').first().waitFor({ state: 'visible' });
  await page.waitForTimeout(200);
}

async function listsTask(page, filterName, taskId) {
  await openFilter(page, filterName);
  return (await page.locator(`[cam-tasks] a[href*="task=${taskId}"]`).count()) > 0;
}

async function screenshot(page, file, { fullForm = false } = {}) {
  const path = `${OUT}/${file}`;
  if (fullForm) {
    // The task pane scrolls inside the window: grow the window so the whole form is in the picture.
    const height = await page.evaluate(() => {
      const form = document.querySelector('.fjs-container');
      if (!form) return 0;
      let el = form;
      let extra = 0;
      while (el) {
        if (el.scrollHeight > el.clientHeight + 5 && getComputedStyle(el).overflowY !== 'visible') {
          extra = Math.max(extra, el.scrollHeight - el.clientHeight);
        }
        el = el.parentElement;
      }
      return extra;
    });
    if (height > 0) await page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height + height + 40 });
    await page.waitForTimeout(200);
    await shoot(page, path);
    await page.setViewportSize(VIEWPORT);
  } else {
    await shoot(page, path);
  }
  shots.push(path);
  return path;
}

/** page.screenshot, tried once more when the browser does not deliver a frame in time (a busy host). */
async function shoot(page, path) {
  try {
    await page.screenshot({ path, timeout: 30000 });
  } catch (e) {
    if (!/Timeout/.test(e.message)) throw e;
    console.log(`INFO  screenshot ${path.replace(`${OUT}/`, '')} timed out, taken again`);
    await page.waitForTimeout(2000);
    await page.screenshot({ path, timeout: 60000, animations: 'disabled' });
  }
}

const labelRe = (label) => new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
const field = (scope, label) => scope.getByLabel(labelRe(label));

async function notificationText(page) {
  const n = page.locator('.notifications .alert, .notifications > *').filter({ hasText: /\S/ });
  await n.first().waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
  return (await n.allInnerTexts()).join(' | ').replace(/\s+/g, ' ').replace(/^×\s*/, '').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// "Tasklist speaks Vietnamese": no visible text is an English Camunda 7.24 string. The strings are the values of the
// webjar's tasklist locales/en.json (served by the app as the fallback locale) that differ from every value of our
// vi.json ("ID", "Cockpit", "Camunda" are the same in both), with the English month and weekday names and moment's
// English relative times ("in 3 months", "a day ago"). A single word must be a whole text node ("Claim", "Due");
// a longer string may be part of one ("Login Failed : …"); {{…}} placeholders match any text.

const SPEAKS_VI_PLACES = ['task list', 'task view', 'start form', 'refusal', 'filter dialog', 'user menu'];
const englishFound = new Map(SPEAKS_VI_PLACES.map((p) => [p, { visits: 0, found: new Map() }])); // place → string → where
let ENGLISH = []; // { label, test(text) }

async function localeFile(name) {
  const r = await fetch(`${BASE}/camunda/app/tasklist/locales/${name}.json`);
  if (!r.ok) throw new Error(`GET /camunda/app/tasklist/locales/${name}.json → HTTP ${r.status}`);
  return JSON.parse((await r.text()).replace(/^\uFEFF/, ''));
}

/** Reads en.json and vi.json as the browser gets them: the Vietnamese labels Tasklist's controls must show, and ENGLISH. */
async function loadLocales() {
  const [en, vi] = [await localeFile('en'), await localeFile('vi')];
  UI = Object.fromEntries(Object.entries(UI_KEYS).map(([k, key]) => [k, vi.labels[key]]));
  const plain = (v) => String(v).replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
  const viValues = new Set(Object.values(vi.labels).map(plain));
  const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = new Set();
  for (const value of Object.values(en.labels).map(plain)) {
    if (!/[A-Za-z]{2}/.test(value.replace(/\{\{[^}]*\}\}/g, '')) || viValues.has(value) || seen.has(value)) continue;
    seen.add(value);
    const parts = value.split(/\{\{[^}]*\}\}/);
    const source = parts.map((x) => esc(x)).join('.+?');
    const oneWord = !/\s/.test(value.replace(/\{\{[^}]*\}\}/g, ''));
    const re = oneWord ? new RegExp(`^${source}$`) : new RegExp(`(^|[^A-Za-z])${source}`);
    ENGLISH.push({ label: value, test: (t) => re.test(t) });
  }
  for (const word of [...en.dateLocales.months, ...en.dateLocales.weekdays]) {
    const re = new RegExp(`\\b${word}\\b`);
    ENGLISH.push({ label: word, test: (t) => re.test(t) });
  }
  const unit = '(?:few seconds|seconds?|minutes?|hours?|days?|months?|years?)';
  const relative = new RegExp(`\\b(?:in (?:a|an|\\d+) ${unit}|(?:a|an|\\d+) ${unit} ago)\\b`);
  ENGLISH.push({ label: 'English relative time', test: (t) => relative.test(t) });
}

/** Visible text nodes, placeholders and button values of the page, each with the element it is in. */
async function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const describe = (el) => {
      const named = el.closest('[class], [id]') || el;
      const cls = typeof named.className === 'string' ? named.className.trim().split(/\s+/).filter((c) => !c.startsWith('ng-'))
        .slice(0, 2).join('.') : '';
      return `${named.tagName.toLowerCase()}${named.id ? `#${named.id}` : ''}${cls ? `.${cls}` : ''}`;
    };
    const shown = (el) => el && el.getClientRects().length > 0
      && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data.replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, noscript, template') || !shown(el)) continue;
      out.push({ text, where: describe(el) });
    }
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder], input[type=submit], input[type=button]')) {
      const text = (el.getAttribute('placeholder') || el.value || '').replace(/\s+/g, ' ').trim();
      if (text && shown(el)) out.push({ text, where: `${describe(el)} (${el.hasAttribute('placeholder') ? 'placeholder' : 'value'})` });
    }
    return out;
  });
}

/** Records the English Camunda strings visible on the page as one visit of `place` (screenshot `shot` when any). */
async function scanEnglish(page, place, shot) {
  const entry = englishFound.get(place);
  entry.visits += 1;
  let texts;
  try {
    texts = await visibleTexts(page);
  } catch (e) {
    entry.found.set(`(page not readable: ${e.message.split('\n')[0]})`, new Set([shot]));
    return;
  }
  let any = false;
  for (const { text, where } of texts) {
    for (const english of ENGLISH) {
      if (!english.test(text)) continue;
      any = true;
      if (!entry.found.has(english.label)) entry.found.set(english.label, new Set());
      entry.found.get(english.label).add(`"${text.slice(0, 80)}" in ${where}`);
    }
  }
  if (any && !state.englishShots.has(shot)) {
    state.englishShots.add(shot);
    await screenshot(page, `english-${shot}.png`).catch(() => {});
  }
}

function reportEnglish() {
  for (const [place, { visits, found }] of englishFound) {
    const list = [...found].map(([label, wheres]) => `"${label}" (${[...wheres].slice(0, 3).join('; ')})`);
    check(`Tasklist speaks Vietnamese: no English Camunda string on the ${place} (${visits} view${visits === 1 ? '' : 's'})`,
      visits > 0 && list.length === 0, visits === 0 ? 'not visited' : list.join(', '));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stage definitions: responsible user, fields as the form labels them, values, and what the read-only summary of
// earlier stages must show.

const D = {
  branchMeeting: isoDaysAgo(40),
  youthResolution: isoDaysAgo(35),
  certificate: isoDaysAgo(30),
  introducerSince: '2015-03-02',
  dossier: isoDaysAgo(25),
  cellMeeting: isoDaysAgo(15),
  decision: isoDaysAgo(6),
  ceremony: isoDaysAgo(2),
};

// kind: date | number | text | textarea | checkbox | radio; key is the contract field (for REST fallback)
const STAGES = [
  {
    key: 'recordBranchVote', user: 'secretary', name: 'Ghi kết quả biểu quyết của chi đoàn',
    fields: [
      { key: 'meetingDate', kind: 'date', label: 'Ngày họp chi đoàn', value: D.branchMeeting },
      { key: 'branchMemberCount', kind: 'number', label: 'Số đoàn viên của chi đoàn', value: 20 },
      { key: 'attendeeCount', kind: 'number', label: 'Số đoàn viên có mặt', value: 18 },
      { key: 'votesFor', kind: 'number', label: 'Số phiếu tán thành', value: 16, invalid: 25 },
      { key: 'votesAgainst', kind: 'number', label: 'Số phiếu không tán thành', value: 2 },
      { key: 'resolutionNumber', kind: 'text', label: 'Số nghị quyết của chi đoàn', value: '05-NQ/CĐ' },
    ],
    summary: [],
  },
  {
    key: 'recordYouthCommitteeResolution', user: 'youthcommittee', name: 'Ghi nghị quyết giới thiệu của BCH Đoàn cơ sở',
    fields: [
      { key: 'resolutionDate', kind: 'date', label: 'Ngày ra nghị quyết', value: D.youthResolution },
      { key: 'committeeMemberCount', kind: 'number', label: 'Số ủy viên Ban Chấp hành Đoàn cơ sở', value: 15 },
      { key: 'votesFor', kind: 'number', label: 'Số phiếu tán thành', value: 13 },
      { key: 'votesAgainst', kind: 'number', label: 'Số phiếu không tán thành', value: 1 },
      { key: 'resolutionNumber', kind: 'text', label: 'Số nghị quyết giới thiệu', value: '12-NQ/ĐTN' },
    ],
    summary: [`Ngày họp chi đoàn: ${dmy(D.branchMeeting)}`, 'Tán thành: 16 trên tổng số 20 đoàn viên',
      'có mặt 18, không tán thành 2', 'Nghị quyết của chi đoàn số: 05-NQ/CĐ'],
  },
  {
    key: 'recordAwarenessCertificate', user: 'partycell', name: 'Ghi giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng',
    fields: [
      { key: 'certificateDate', kind: 'date', label: 'Ngày cấp giấy chứng nhận', value: D.certificate },
      { key: 'certificateNumber', kind: 'text', label: 'Số giấy chứng nhận', value: 'GCN-0457/2026', requiredProbe: true },
    ],
    summary: [`Nghị quyết giới thiệu số 12-NQ/ĐTN, ngày ${dmy(D.youthResolution)}`,
      'Tán thành: 13 trên tổng số 15 ủy viên (không tán thành 1)'],
  },
  {
    key: 'assignIntroducer', user: 'partycell', name: 'Phân công đảng viên giới thiệu',
    fields: [
      { key: 'introducerName', kind: 'text', label: 'Họ và tên đảng viên giới thiệu', value: 'Trần Quốc Bảo' },
      { key: 'introducerOfficialSince', kind: 'date', label: 'Ngày trở thành đảng viên chính thức', value: D.introducerSince },
      { key: 'monthsWorkedTogether', kind: 'number', label: 'Số tháng cùng công tác, học tập', value: 24, clientInvalid: 6,
        clientMessage: 'Giá trị phải từ 12 trở lên.' }, // the form's min 12, in form-messages-vi.js's words
    ],
    summary: [`Nghị quyết giới thiệu số 12-NQ/ĐTN, ngày ${dmy(D.youthResolution)}`],
  },
  {
    key: 'checkDossier', user: 'partycell', name: 'Kiểm tra hồ sơ xin vào Đảng',
    fields: [
      { key: 'applicationReceived', kind: 'checkbox', label: 'Đã nhận đơn xin vào Đảng (mẫu 1-KNĐ)', value: true },
      { key: 'personalHistoryReceived', kind: 'checkbox', label: 'Đã nhận lý lịch của người xin vào Đảng (mẫu 2-KNĐ)', value: true },
      { key: 'dossierDate', kind: 'date', label: 'Ngày hoàn thành hồ sơ', value: D.dossier },
      // Who else the Party committee verifies (one verifyBackground task each): the spouse only.
      { key: 'spouseListed', kind: 'checkbox', label: 'Lý lịch có vợ hoặc chồng', value: true },
      { key: 'spouseParentsListed', kind: 'checkbox', label: 'Lý lịch có cha mẹ của vợ hoặc chồng', value: false },
      { key: 'guardianListed', kind: 'checkbox', label: 'Lý lịch có người trực tiếp nuôi dưỡng', value: false },
    ],
    summary: [`Cấp mới ngày ${dmy(D.certificate)}`, `Trần Quốc Bảo, đảng viên chính thức từ ngày ${dmy(D.introducerSince)}`,
      'Cùng công tác, học tập với người xin vào Đảng: 24 tháng'],
  },
  {
    // Parallel multi-instance: one task per subject, named "Thẩm tra lý lịch: <subject>" (see forSubject()).
    key: 'verifyBackground', user: 'partycommittee', name: 'Thẩm tra lý lịch', heading: 'Thẩm tra lý lịch người xin vào Đảng',
    perSubject: true,
    fields: [
      { key: 'backgroundClear', kind: 'radio', label: 'Kết luận thẩm tra', option: 'Rõ ràng', options: ['Rõ ràng', 'Có vấn đề'], value: true },
      { key: 'verificationNotes', kind: 'textarea', label: 'Ghi chú thẩm tra', value: (subject) => `Đã thẩm tra lý lịch (${subject}): rõ ràng.` },
    ],
    summary: [`Ngày hoàn thành hồ sơ: ${dmy(D.dossier)}`, 'Trần Quốc Bảo'],
  },
  {
    key: 'collectOpinions', user: 'partycell', name: 'Tổng hợp ý kiến nhận xét',
    fields: [
      { key: 'residenceOpinionReceived', kind: 'checkbox', label: 'Đã nhận ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú', value: true },
      { key: 'massOrganisationOpinionReceived', kind: 'checkbox', label: 'Đã nhận ý kiến nhận xét của các đoàn thể chính trị - xã hội', value: true },
      { key: 'opinionSummary', kind: 'textarea', label: 'Tổng hợp ý kiến nhận xét', value: 'Các ý kiến đều tán thành, đề nghị kết nạp.' },
    ],
    summary: [`Ngày hoàn thành hồ sơ: ${dmy(D.dossier)}`],
  },
  {
    key: 'recordPartyCellVote', user: 'partycell', name: 'Ghi kết quả biểu quyết của chi bộ',
    fields: [
      { key: 'meetingDate', kind: 'date', label: 'Ngày họp chi bộ', value: D.cellMeeting },
      { key: 'officialMemberCount', kind: 'number', label: 'Số đảng viên chính thức của chi bộ', value: 12 },
      { key: 'votesFor', kind: 'number', label: 'Số phiếu tán thành', value: 11 },
      { key: 'votesAgainst', kind: 'number', label: 'Số phiếu không tán thành', value: 1 },
      { key: 'resolutionNumber', kind: 'text', label: 'Số nghị quyết của chi bộ', value: '03-NQ/CB' },
    ],
    summary: ['Nghị quyết của chi đoàn số: 05-NQ/CĐ', 'Nghị quyết giới thiệu số 12-NQ/ĐTN',
      'Chi ủy (chi bộ) nơi cư trú: đã nhận', 'Các đoàn thể chính trị - xã hội: đã nhận',
      `Ngày hoàn thành hồ sơ: ${dmy(D.dossier)}`],
  },
  {
    key: 'recordPartyCommitteeVote', user: 'partycommittee', name: 'Ghi kết quả biểu quyết của Đảng ủy cơ sở',
    fields: [
      { key: 'committeeMemberCount', kind: 'number', label: 'Số đảng ủy viên', value: 9 },
      { key: 'votesFor', kind: 'number', label: 'Số phiếu tán thành', value: 8 },
      { key: 'votesAgainst', kind: 'number', label: 'Số phiếu không tán thành', value: 0 },
      { key: 'resolutionNumber', kind: 'text', label: 'Số nghị quyết của Đảng ủy', value: '21-NQ/ĐU' },
    ],
    summary: [`Ngày họp chi bộ: ${dmy(D.cellMeeting)}`, 'Tán thành: 11 trên tổng số 12 đảng viên chính thức',
      'Nghị quyết của chi bộ số: 03-NQ/CB'],
  },
  {
    key: 'recordAdmissionDecision', user: 'superior', name: 'Ghi quyết định kết nạp',
    fields: [
      { key: 'approved', kind: 'radio', label: 'Kết quả xem xét', option: 'Chuẩn y kết nạp', options: ['Chuẩn y kết nạp', 'Không chuẩn y'], value: true },
      { key: 'decisionNumber', kind: 'text', label: 'Số quyết định', value: '145-QĐ/ĐUK' },
      { key: 'decisionDate', kind: 'date', label: 'Ngày ký quyết định', value: D.decision },
    ],
    summary: ['Nghị quyết của chi bộ số: 03-NQ/CB', 'Tán thành: 8 trên tổng số 9 đảng ủy viên (không tán thành 0)',
      'Nghị quyết của Đảng ủy số: 21-NQ/ĐU'],
  },
  {
    key: 'recordAdmissionCeremony', user: 'partycell', name: 'Ghi lễ kết nạp đảng viên',
    fields: [
      { key: 'ceremonyDate', kind: 'date', label: 'Ngày tổ chức lễ kết nạp', value: D.ceremony },
    ],
    summary: [`Ngày họp chi bộ: ${dmy(D.cellMeeting)}`, `Quyết định số 145-QĐ/ĐUK, ngày ${dmy(D.decision)}`],
  },
];
// Which task comes after which (recordAwarenessCertificate only when the member has no valid certificate).
const TASK_ORDER = STAGES.map((s) => s.key);
const STAGE = Object.fromEntries(STAGES.map((s) => [s.key, s]));
for (const s of STAGES) Object.assign(s, { tag: s.key, file: s.key });
// The subjects of verifyBackground for a dossier that lists a spouse only, in the app's order.
const SUBJECTS = ['Người xin vào Đảng', 'Cha đẻ', 'Mẹ đẻ', 'Vợ hoặc chồng'];
// Task forms of one candidacy: every stage once, verifyBackground once per subject.
const FORM_COUNT = STAGES.length - 1 + SUBJECTS.length;
// The tasks that carry a due date (REST field `due`).
const DUE_KEYS = ['verifyBackground', 'recordPartyCommitteeVote', 'recordAdmissionDecision', 'recordAdmissionCeremony'];

/** ASCII file-name part for a Vietnamese label: "Vợ hoặc chồng" → "vo-hoac-chong". */
function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The stage of one verifyBackground task: its name carries the subject, the notes name it. */
function forSubject(stage, subject) {
  return {
    ...stage, subject, name: `${stage.name}: ${subject}`, tag: `${stage.key} [${subject}]`, file: `${stage.key}-${slug(subject)}`,
    fields: stage.fields.map((f) => (typeof f.value === 'function' ? { ...f, value: f.value(subject) } : f)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Form helpers

async function fillField(scope, f, value) {
  const loc = f.kind === 'radio' ? scope.getByLabel(f.option, { exact: true }) : field(scope, f.label);
  switch (f.kind) {
    case 'date':
      await loc.click();
      await loc.fill(value === '' ? '' : dmy(value));
      await loc.press('Tab');
      break;
    case 'number':
    case 'text':
    case 'textarea':
      await loc.fill(String(value));
      break;
    case 'checkbox':
      await loc.setChecked(!!value);
      break;
    case 'radio':
      await loc.check();
      break;
    default:
      throw new Error(`unknown field kind ${f.kind}`);
  }
}

/** form-js commits typed text after a short debounce: leave the last field and let it land before anything else. */
async function settle(page) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(700);
}

/** Every field shows the value it was given (dates as d/m/yyyy, with or without leading zeros). */
async function expectValues(page, stage) {
  const scope = page.locator('.task-card');
  for (const f of stage.fields) {
    if (f.kind === 'radio') {
      if (!(await scope.getByLabel(f.option, { exact: true }).isChecked())) throw new Error(`radio "${f.option}" not selected`);
    } else if (f.kind === 'checkbox') {
      if ((await field(scope, f.label).isChecked()) !== !!f.value) throw new Error(`checkbox "${f.label}" not set`);
    } else {
      const shown = await field(scope, f.label).inputValue();
      const want = f.kind === 'date' ? dmy(f.value) : String(f.value);
      const same = f.kind === 'date'
        ? shown.split('/').map(Number).join('/') === want.split('/').map(Number).join('/')
        : shown === want;
      if (!same) throw new Error(`"${f.label}" shows "${shown}", expected "${want}"`);
    }
  }
}

/**
 * Fills every field with its value and checks what the form shows. On a busy host form-js can drop the last typed text
 * (its debounced update loses to a re-render): the fields are then filled again, twice at most, with an INFO line.
 */
async function fillAndVerify(page, stage) {
  for (const f of stage.fields) await fillField(page, f, f.value);
  await settle(page);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await expectValues(page, stage);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`INFO  ${stage.tag}: ${e.message}; fields filled again`);
      for (const f of stage.fields) await fillField(page, f, f.value);
      await settle(page);
      await page.waitForTimeout(1000);
    }
  }
}

// Tasklist's own controls, found by their markup; where the officer reads them, their Vietnamese label is checked
// (labelsChecked) against the app's locales/vi.json: CLAIM_TASK, COMPLETE, START_PROCESS, START.
const completeButton = (page) => page.locator('.task-card button[ng-click="complete()"]');
const UI_KEYS = { claim: 'CLAIM_TASK', complete: 'COMPLETE', startProcess: 'START_PROCESS', start: 'START', due: 'DUE',
  form: 'FORM', history: 'HISTORY', diagram: 'DIAGRAM', comment: 'COMMENT_CREATE' };
let UI = {}; // UI key → its Vietnamese label, from the served vi.json (see loadLocales())
const labelsSeen = {}; // UI key → the texts Tasklist showed

async function labelShown(key, locator) {
  const t = (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  (labelsSeen[key] ||= new Set()).add(t);
}

/** Dismisses Tasklist's visible notifications (they cover the Complete button). */
async function closeNotifications(page) {
  for (const close of await page.locator('.notifications .close').all()) {
    if (await close.isVisible()) await close.click();
  }
}

/** Clicks Complete and waits for the submit request; null when the browser sent none (client-side validation). */
async function clickComplete(page, taskId) {
  const submitted = page.waitForResponse((r) => r.url().includes(`/task/${taskId}/submit-form`), { timeout: 8000 })
    .catch(() => null);
  if (await completeButton(page).isDisabled()) {
    const errors = (await page.locator('.task-card .fjs-form-field-error').allInnerTexts()).join(' | ');
    throw new Error(`Complete is disabled (form errors: "${errors}")`);
  }
  await labelShown('complete', completeButton(page));
  await completeButton(page).click();
  return submitted;
}

function restValue(f, value) {
  if (f.kind === 'number') return { value: Number(value), type: 'Integer' };
  if (f.kind === 'checkbox' || f.kind === 'radio') return { value: !!value, type: 'Boolean' };
  return { value: String(value), type: 'String' };
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

/**
 * Unit scoping of the domain API: secretary2 nominates an HVBC-01 member, then secretary (KTNN-01) tries to read and to
 * withdraw that candidacy; both are refused. The probe candidacy is withdrawn in every case.
 */
async function probeCrossBranchWithdrawal() {
  const hvbc = ((await rest('secretary2', 'GET', '/api/members?branch=HVBC-01')).json || []).map((m) => m.code);
  const open = new Set(((await rest('secretary2', 'GET', '/api/candidacies?branch=HVBC-01')).json || [])
    .filter((c) => c.status === 'IN_PROGRESS').map((c) => c.memberCode));
  const code = ['HVBC01-003', 'HVBC01-005', 'HVBC01-008', 'HVBC01-009'].find((c) => hvbc.includes(c) && !open.has(c));
  if (!check('an HVBC-01 member is free for the cross-branch probe', Boolean(code))) return;
  const started = await rest('secretary2', 'POST', '/engine-rest/process-definition/key/party-admission/submit-form', {
    variables: { memberCode: { value: code }, nominationReason: { value: `Kiểm tra phạm vi chi đoàn, sẽ rút lại ${RUN_MARK}` } },
  });
  const id = started.json?.businessKey;
  if (!check('secretary2 nominates an HVBC-01 member for the probe', Boolean(id), `HTTP ${started.status}`)) return;
  const read = await rest('secretary', 'GET', `/api/candidacies/${id}`);
  const withdraw = await rest('secretary', 'POST', `/api/candidacies/${id}/withdraw`,
    { reason: `Bí thư chi đoàn KTNN-01 thử rút hồ sơ của chi đoàn HVBC-01 ${RUN_MARK}` });
  check('secretary (KTNN-01) may neither read nor withdraw a candidacy of branch HVBC-01',
    read.status === 403 && withdraw.status === 403, `GET → HTTP ${read.status}; withdraw → HTTP ${withdraw.status}`);
  if (withdraw.status !== 200) {
    await rest('secretary2', 'POST', `/api/candidacies/${id}/withdraw`, { reason: `Hồ sơ thử, rút lại ${RUN_MARK}` });
  }
}

/** Withdraws candidacies left open by an earlier run that was interrupted (e.g. the application went down). */
async function withdrawLeftovers() {
  const open = ((await rest('secretary', 'GET', '/api/candidacies?branch=KTNN-01')).json || [])
    .filter((c) => c.status === 'IN_PROGRESS' && (c.nominationReason || '').includes(RUN_MARK));
  for (const c of open) {
    const w = await rest('secretary', 'POST', `/api/candidacies/${c.id}/withdraw`,
      { reason: 'Kiểm tra tự động bị dừng giữa chừng ở lần chạy trước' });
    console.log(`INFO  candidacy ${c.id} (${c.memberCode}) left open by an interrupted run: withdrawn (HTTP ${w.status})`);
  }
}

async function pickMember() {
  const members = (await rest('secretary', 'GET', '/api/members?branch=KTNN-01')).json || [];
  const candidacies = (await rest('secretary', 'GET', '/api/candidacies?branch=KTNN-01')).json || [];
  // A member can be nominated again once earlier candidacies were withdrawn or rejected.
  const used = new Set(candidacies.filter((c) => ['IN_PROGRESS', 'ADMITTED'].includes(c.status)).map((c) => c.memberCode));
  const certificateValid = (m) => m.awarenessCertificateDate && m.awarenessCertificateDate >= isoDaysAgo(365 * 5 - 30);
  const ageYears = (m) => (Date.now() - Date.parse(m.birthDate)) / (365.25 * 24 * 3600 * 1000);
  const thisYear = Number(isoDaysAgo(0).slice(0, 4));
  const eligible = (m) => ageYears(m) >= 18.2 && ageYears(m) < 29.5 && m.youthUnionActive && m.education !== 'PRIMARY'
    && ['EXCELLENT', 'GOOD'].includes(m.lastRating) && m.lastRatingYear >= thisYear - 1;
  const pick = members.find((m) => !used.has(m.code) && !certificateValid(m) && eligible(m));
  if (pick) return pick.code;
  // Every demo member of the branch has been used: register a new one (admin) so the run stays repeatable.
  const code = `KTNN01-E2E${Date.now().toString(36).toUpperCase()}`;
  const birth = `${thisYear - 22}-03-15`;
  const r = await rest('admin', 'POST', '/api/members', {
    code, fullName: 'Nguyễn Văn Kiểm Thử', birthDate: birth, gender: 'MALE', branchCode: 'KTNN-01',
    youthUnionJoinDate: `${thisYear - 7}-03-26`, education: 'UNIVERSITY', lastRating: 'EXCELLENT',
    lastRatingYear: thisYear - 1,
  });
  check(`register a new member ${code} (all demo members of KTNN-01 already used)`, r.status < 300, `HTTP ${r.status}`);
  return code;
}

async function openStartForm(page, processName = PROCESS_NAME) {
  await load(page, `${TASKLIST}?t=${Date.now()}`, (p) => p.locator('.task-filter').first().waitFor({ timeout: 15000 }));
  const action = page.locator('.start-process-action a');
  await labelShown('startProcess', action);
  await action.click();
  await page.locator('.modal').getByText(processName, { exact: true }).click();
  await page.locator('.modal .fjs-container').waitFor();
  await page.waitForTimeout(300);
  await scanEnglish(page, 'start form', `start-form-${slug(processName)}`);
}

/**
 * Fills the open start form (label → value) and submits it; returns { status, json, message }. Screenshots: `before`
 * of the filled form, `after` once Tasklist has answered.
 */
async function submitStartForm(page, values, { before, after } = {}) {
  for (const [label, value] of Object.entries(values)) await field(page.locator('.modal'), label).fill(value);
  await settle(page);
  if (before) await screenshot(page, before);
  const response = page.waitForResponse((r) => /\/process-definition\/[^/]+\/submit-form/.test(r.url()));
  const start = page.locator('.modal-footer button.btn-primary');
  await labelShown('start', start);
  await start.click();
  const r = await response;
  const json = await r.json().catch(() => undefined);
  const message = await notificationText(page);
  if (after) await screenshot(page, after);
  if (!r.ok()) await scanEnglish(page, 'refusal', `refusal-${slug(after || 'start-form')}`);
  return { status: r.status(), json, message };
}

async function nominationRefused(user, memberCode, expectedReason, file) {
  const page = await session(user);
  await openStartForm(page);
  const r = await submitStartForm(page, { 'Mã đoàn viên': memberCode,
    'Lý do đề cử': `Thử đề cử đoàn viên không đủ điều kiện ${RUN_MARK}.` }, { after: file });
  check(`${user} nominating ${memberCode} is refused with a Vietnamese reason`,
    r.status === 400 && expectedReason.test(r.message), `HTTP ${r.status}; Tasklist shows: "${r.message}"`);
  if (/Cannot instantiate process definition/.test(r.message)) {
    note(`Tasklist shows the refusal behind the engine's English prefix "The process could not be started. : Cannot `
      + `instantiate process definition party-admission:…:" (cosmetic; ${file})`);
  }
  return r.message;
}

/**
 * The user menu (the name in the header) and the filter dialog (the pencil of the focused filter; for a user who may
 * create filters, also "Tạo bộ lọc"), scanned for English; each is closed again.
 */
async function menuAndFilterDialog(user) {
  const page = await session(user);
  await openFilter(page, FILTER_UNIT);
  try {
    await page.locator('li.account .dropdown-toggle').first().click();
    await page.locator('li.account .dropdown-menu').first().waitFor({ state: 'visible', timeout: 5000 });
    await scanEnglish(page, 'user menu', `user-menu-${user}`);
  } catch (e) {
    check(`${user}: the user menu opens`, false, e.message.split('\n')[0]);
  }
  await page.locator('li.account .dropdown-toggle').first().click().catch(() => {}); // closes the menu again
  const dialogs = [['details', page.locator('.task-filter.active .actions a, .task-filters .active .actions a').first()]];
  const create = page.locator('.task-filters button[ng-click="openModal($event)"]').first();
  if (await create.isVisible().catch(() => false)) dialogs.push(['create', create]);
  for (const [kind, opener] of dialogs) {
    const before = apiRefusals.length;
    try {
      await opener.click({ timeout: 5000 });
      await page.locator('.modal .modal-body').first().waitFor({ timeout: 5000 });
      await page.waitForTimeout(800);
      // Every section of the dialog: its headings expand the parts (criteria, permissions, variables).
      for (const heading of await page.locator('.modal .panel-heading a, .modal .accordion-toggle').all()) {
        await heading.click().catch(() => {});
        await page.waitForTimeout(150);
      }
      await scanEnglish(page, 'filter dialog', `filter-dialog-${kind}-${user}`);
      const refused = apiRefusals.slice(before).map((x) => `${x.method} ${x.path} → HTTP ${x.status} ${x.body}`);
      check(`${user}: the filter dialog (${kind}) opens without a refused request`, refused.length === 0, refused.join('; '));
    } catch (e) {
      await screenshot(page, `error-filter-dialog-${kind}-${user}.png`).catch(() => {});
      check(`${user}: the filter dialog (${kind}) opens`, false, e.message.split('\n')[0]);
    }
    // Close ($dismiss) only: the footer also holds "Xóa bộ lọc" and "Lưu".
    await page.locator('.modal-footer [ng-click="$dismiss()"]').first()
      .click({ timeout: 3000 }).catch(() => page.keyboard.press('Escape'));
    await page.locator('.modal').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  }
}

/** Tasklist's controls showed their vi.json labels, and no Tasklist request was refused except the expected ones. */
function reportLabelsAndRefusals() {
  const wrong = Object.entries(UI_KEYS).filter(([k]) => labelsSeen[k])
    .filter(([k]) => !UI[k] || [...labelsSeen[k]].some((t) => t !== UI[k]))
    .map(([k, key]) => `${key}: shows ${[...labelsSeen[k]].map((t) => `"${t}"`).join(', ')}, vi.json "${UI[k]}"`);
  const unseen = Object.keys(UI_KEYS).filter((k) => k !== 'due' && !labelsSeen[k]);
  check(`Tasklist's controls read their Vietnamese labels (${Object.keys(labelsSeen).map((k) => `"${UI[k]}"`).join(', ')})`,
    wrong.length === 0 && unseen.length === 0, [...wrong, ...unseen.map((k) => `${UI_KEYS[k]} not seen`)].join('; '));
  // Expected: the refused start forms and the refused submission (400), the login probe. Anything else is a defect.
  const unexpected = apiRefusals.filter((x) => !x.tolerated && !(x.status === 400 && /\/(submit-form)$/.test(x.path.split('?')[0])));
  check('no other Tasklist request was refused during the run (403 from the REST gate, 404, 500…)', unexpected.length === 0,
    unexpected.map((x) => `${x.user}: ${x.method} ${x.path} → HTTP ${x.status} ${x.body}`).join('; '));
}

/**
 * Who sees the tasks: entries [{ stage, task }] of one responsible user (several for the verifyBackground instances,
 * checked in one pass per user). The owner's card must show the task's name, Số hồ sơ, Mã đoàn viên and, for a task with
 * a due date, that date (see dueShown()); every other demo user sees none of them in either filter.
 */
async function visibility(entries) {
  const { user } = entries[0].stage;
  const owner = await session(user);
  await openFilter(owner, FILTER_UNIT);
  for (const { stage, task } of entries) {
    const link = owner.locator(`[cam-tasks] a[href*="task=${task.id}"]`);
    const ownerSees = (await link.count()) > 0;
    let cardOk = false;
    let card;
    if (ownerSees) {
      card = owner.locator('[cam-tasks] li.task').filter({ has: owner.locator(`a[href*="task=${task.id}"]`) });
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      // Whom the task is about: the member's name and branch in the task's name, the name in the card's column too.
      cardOk = text.includes(stage.name) && text.includes(`— ${state.memberName} (Chi đoàn Vụ Tổng hợp)`)
        && text.includes(`Số hồ sơ: ${state.candidacyId}`) && text.includes(state.memberCode);
    }
    check(`${stage.tag}: ${user} sees it in "${FILTER_UNIT}"`, ownerSees && cardOk,
      ownerSees ? (cardOk ? 'card shows task name with the member and branch, Số hồ sơ and Mã đoàn viên'
        : 'card lacks the task name with the member and branch, Số hồ sơ or Mã đoàn viên') : 'not listed');
    if (card) await dueShown(owner, card, stage, task, 'task card in the list');
  }
  const others = USERS.filter((u) => u !== user);
  const leaks = new Map(entries.map(({ task }) => [task.id, []]));
  for (const u of others) {
    const p = await session(u);
    for (const filter of [FILTER_MINE, FILTER_UNIT]) {
      await openFilter(p, filter);
      for (const { task } of entries) {
        if ((await p.locator(`[cam-tasks] a[href*="task=${task.id}"]`).count()) > 0) leaks.get(task.id).push(`${u} (${filter})`);
      }
    }
  }
  for (const { stage, task } of entries) {
    const leak = leaks.get(task.id);
    check(`${stage.tag}: not visible to ${others.join(', ')}`, leak.length === 0,
      leak.length ? `also listed for ${leak.join(', ')}` : 'listed in neither filter');
  }
}

/** REST's date-time ("2026-12-18T10:00:00.000+0000") as a Date. */
function restDate(text) {
  return new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/**
 * A date as Tasklist's camDate 'long' shows it: our tasklist/scripts/config.js dateFormat.long "dddd, DD/MM/YYYY HH:mm"
 * with the weekdays of locales/vi.json ("thứ tư, 17/02/2027 17:00"), in Vietnam's time.
 */
const VI_WEEKDAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];
function longDate(date) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, weekday: 'short', month: '2-digit', day: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date).map((x) => [x.type, x.value]));
  const weekday = VI_WEEKDAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday)];
  return `${weekday}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * moment.js fromNow() in Tasklist's vi locale (locales/vi.json dateLocales.relativeTime: "17 ngày tới", "3 tháng tới",
 * "một ngày trước"), moment's default thresholds.
 */
function fromNow(date) {
  const ms = date.getTime() - Date.now();
  const abs = Math.abs(ms);
  const [sec, min, hrs, days] = [1e3, 6e4, 36e5, 864e5].map((u) => Math.round(abs / u));
  const inMonths = calendarMonths(new Date(Math.min(Date.now(), date.getTime())),
    new Date(Math.max(Date.now(), date.getTime())));
  const months = Math.round(inMonths);
  const years = Math.round(inMonths / 12);
  const t = (sec <= 44 && 'vài giây') || (sec < 45 && `${sec} giây`) || (min <= 1 && 'một phút')
    || (min < 45 && `${min} phút`) || (hrs <= 1 && 'một giờ') || (hrs < 22 && `${hrs} giờ`) || (days <= 1 && 'một ngày')
    || (days < 26 && `${days} ngày`) || (months <= 1 && 'một tháng') || (months < 11 && `${months} tháng`)
    || (years <= 1 && 'một năm') || `${years} năm`;
  return ms > 0 ? `${t} tới` : `${t} trước`;
}

/**
 * moment's difference of two instants in months, on the calendar of Vietnam (the browser's zone in these checks):
 * whole calendar months from the earlier, then what is left in days as months (days × 4800 / 146097). Counting all
 * the days as months instead put a due date 76 days and 4 hours away at 2.50 months ("3 tháng") where Tasklist shows
 * 2.498 ("2 tháng").
 */
function calendarMonths(from, to) {
  const shift = 7 * 36e5;
  const a = new Date(from.getTime() + shift);
  const b = new Date(to.getTime() + shift);
  const plusMonths = (d, n) => {
    const r = new Date(d.getTime());
    const day = r.getUTCDate();
    r.setUTCDate(1);
    r.setUTCMonth(r.getUTCMonth() + n);
    const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
    r.setUTCDate(Math.min(day, last));
    return r;
  };
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (plusMonths(a, months) > b) {
    months -= 1;
  }
  return months + ((b - plusMonths(a, months)) / 864e5) * 4800 / 146097;
}

/**
 * Tasklist 7.24 shows a due date as moment's relative time (card: "Hạn 17 ngày tới"; task view: "17 ngày tới" beside a
 * bell icon), with the date itself only in the tooltip on hover (camDate 'long', browser zone). Checks both against
 * REST's `due` in Asia/Ho_Chi_Minh, that the card's word before it is vi.json's DUE ("Hạn"), and that a task without
 * `due` shows none.
 */
async function dueShown(page, scope, stage, task, where) {
  const span = scope.locator('.due-date [am-time-ago]');
  const count = await span.count();
  if (!task.due) {
    check(`${stage.tag}: no due date in REST, none shown (${where})`, count === 0,
      count ? `shows "${(await scope.locator('.due-date').first().innerText()).trim()}"` : '');
    return;
  }
  const due = restDate(task.due);
  const want = { text: fromNow(due), tooltip: longDate(due) };
  if (count !== 1) {
    check(`${stage.tag}: due date shown (${where})`, false, `REST due ${task.due} (${want.tooltip}), Tasklist shows none`);
    return;
  }
  const text = (await scope.locator('.due-date').filter({ has: page.locator('[am-time-ago]') }).first().innerText())
    .replace(/\s+/g, ' ').trim();
  await span.first().scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  await span.first().hover();
  const tip = page.locator('.tooltip .tooltip-inner').filter({ hasText: /\S/ });
  await tip.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  const tooltip = (await tip.allInnerTexts()).map((x) => x.trim()).join(' | ');
  if (!state.dueShots.has(where)) {
    state.dueShots.add(where);
    await screenshot(page, `due-date-${slug(where)}-${stage.file}.png`);
  }
  await page.mouse.move(1, 1);
  await page.locator('.tooltip').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
  const cardWord = where.startsWith('task card') ? `${UI.due} ` : '';
  check(`${stage.tag}: due date shown (${where}) matches REST due ${task.due}`,
    text.endsWith(want.text) && text.startsWith(cardWord) && tooltip === want.tooltip,
    `shows "${text}", tooltip "${tooltip}"; expected "${cardWord}${want.text}", tooltip "${want.tooltip}" (${ZONE})`);
}

async function claimAndOpen(stage, task) {
  const taskId = task.id;
  const page = await session(stage.user);
  await openFilter(page, FILTER_UNIT);
  await scanEnglish(page, 'task list', `task-list-${stage.user}`);
  await page.locator(`[cam-tasks] a[href*="task=${taskId}"]`).first().click();
  await page.locator('.task-card h2.task').filter({ hasText: stage.name }).waitFor();
  const claimed = page.waitForResponse((r) => r.url().includes(`/task/${taskId}/claim`));
  const claim = page.locator('.task-card button.claim');
  await labelShown('claim', claim);
  await claim.click();
  const cr = await claimed;
  check(`${stage.tag}: ${stage.user} claims it`, cr.ok(), `HTTP ${cr.status()}`);
  const inMine = await listsTask(page, FILTER_MINE, taskId);
  check(`${stage.tag}: after claiming, it is in ${stage.user}'s "${FILTER_MINE}"`, inMine);
  if (inMine) {
    await page.locator(`[cam-tasks] a[href*="task=${taskId}"]`).first().click();
  } else {
    await load(page, `${TASKLIST}?t=${Date.now()}#/?task=${taskId}`,
      (p) => p.locator('.task-card').first().waitFor({ timeout: 15000 }));
  }
  await page.locator('.task-card h2.task').filter({ hasText: stage.name }).waitFor();
  await page.locator('.task-card .fjs-container').waitFor();
  await page.waitForTimeout(500);
  await dueShown(page, page.locator('[cam-tasklist-task-meta]').first(), stage, task, 'task view');
  if (stage.key === TASK_ORDER[0]) await taskViewActions(stage, page, taskId);
  return page;
}

/**
 * What an officer does in the task view besides the form, on the first task: the History and Diagram tabs, a comment
 * and a follow-up date (PUT …/task/{id}), then back to the form. Every /camunda/api/ request of an action that is
 * refused is reported with method, path, status and body: Tasklist needs each of them (README, "What an officer can and
 * cannot do over /engine-rest").
 */
async function taskViewActions(stage, page, taskId) {
  const card = page.locator('.task-card');
  // The tabs are found by their vi.json labels (FORM, HISTORY, DIAGRAM): finding one is seeing its label.
  const tab = (label) => {
    const key = Object.keys(UI).find((k) => UI[k] === label);
    if (key) (labelsSeen[key] ||= new Set()).add(label);
    return card.locator('.nav-tabs li a').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
  };
  const act = async (name, run, tolerated = () => false) => {
    const before = apiRefusals.length;
    let error = '';
    try {
      await run();
    } catch (e) {
      error = e.message.split('\n')[0];
    }
    await page.waitForTimeout(500);
    for (const x of apiRefusals.slice(before)) x.tolerated = tolerated(x);
    const refused = apiRefusals.slice(before).filter((x) => !x.tolerated)
      .map((x) => `${x.method} ${x.path} → HTTP ${x.status} ${x.body}`);
    if (error || refused.length) await screenshot(page, `error-task-view-${slug(name)}.png`).catch(() => {});
    check(`${stage.tag}: ${stage.user} ${name} in the task view`, !error && refused.length === 0,
      [error, ...refused].filter(Boolean).join('; '));
  };
  await act(`opens the "${UI.history}" tab`, async () => {
    const loaded = page.waitForResponse((r) => /\/history\/(user-operation|identity-link-log)|\/comment/.test(r.url()), { timeout: 10000 });
    await tab(UI.history).click();
    await loaded;
    await card.locator('.tab-content').first().waitFor();
    await scanEnglish(page, 'task view', 'task-view-history');
  });
  await act(`opens the "${UI.diagram}" tab`, async () => {
    await tab(UI.diagram).click();
    await page.locator('.djs-container').first().waitFor({ timeout: 15000 });
    await scanEnglish(page, 'task view', 'task-view-diagram');
  });
  await act(`adds a comment ("${UI.comment}")`, async () => {
    const link = page.locator('[ng-click="createComment()"]').first(); // in the task column's header
    await labelShown('comment', link);
    await link.click();
    await page.locator('.modal textarea').fill(`Ý kiến của ${stage.user} ${RUN_MARK}`);
    await scanEnglish(page, 'task view', 'task-view-comment-dialog');
    const saved = page.waitForResponse((r) => r.url().includes(`/task/${taskId}/comment/create`), { timeout: 10000 });
    await page.locator('.modal .modal-footer .btn-primary').click();
    const r = await saved;
    if (!r.ok()) throw new Error(`comment not saved: HTTP ${r.status()}`);
    await page.locator('.modal').waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  });
  // README: the engine refuses an officer's change of a task's dates (TASK_WORK only, 403 AuthorizationException). That
  // refusal is the design; any other answer to Tasklist's PUT …/task/{id} (the gate's 403, a 400, a 500) is a defect.
  const engineRefusal = (x) => x.method === 'PUT' && x.status === 403 && /"type":"AuthorizationException".*does not have/.test(x.body)
    && !/Không/.test(x.body);
  await act('sets a follow-up date (or the engine refuses it: officers hold TASK_WORK only)', async () => {
    await card.locator('.followup-date').first().click();
    const apply = page.locator('[ng-click="applyChange($event);"]').first();
    await apply.waitFor({ timeout: 5000 });
    const saved = page.waitForResponse((r) => r.url().endsWith(`/task/${taskId}`) && r.request().method() === 'PUT', { timeout: 10000 });
    await apply.click();
    const r = await saved;
    state.followUpStatus = r.status();
    await page.waitForTimeout(500);
    const cancel = page.locator('[ng-click="cancelChange($event)"]').first();
    if (await cancel.isVisible().catch(() => false)) await cancel.click(); // the date field stays open when refused
    await closeNotifications(page);
  }, engineRefusal);
  const task = await rest('admin', 'GET', `/engine-rest/task/${taskId}`);
  const comments = await rest('admin', 'GET', `/engine-rest/task/${taskId}/comment`);
  check(`${stage.tag}: the comment is stored, and the follow-up date if Tasklist's PUT succeeded`,
    (comments.json || []).some((c) => (c.message || '').includes(RUN_MARK))
    && Boolean(task.json?.followUp) === (state.followUpStatus >= 200 && state.followUpStatus < 300),
    `PUT HTTP ${state.followUpStatus}, followUp ${task.json?.followUp}, ${(comments.json || []).length} comment(s)`);
  await tab(UI.form).click();
  await card.locator('.fjs-container').waitFor();
  await page.waitForTimeout(300);
}

async function checkRenderedForm(stage, page) {
  const form = page.locator('.task-card .fjs-container');
  const missing = [];
  const prefilled = [];
  for (const f of stage.fields) {
    if (f.kind === 'radio') {
      const groupLabel = await form.getByText(labelRe(f.label)).count();
      for (const o of f.options) {
        if ((await form.getByLabel(o, { exact: true }).count()) !== 1) missing.push(`${f.label}: ${o}`);
      }
      if (!groupLabel) missing.push(f.label);
      continue;
    }
    const loc = field(form, f.label);
    const n = await loc.count();
    if (n !== 1 || !(await loc.isVisible())) {
      missing.push(`${f.label}${n > 1 ? ` (${n} matches)` : ''}`);
      continue;
    }
    if (f.kind === 'checkbox') {
      if (await loc.isChecked()) prefilled.push(f.label);
    } else if ((await loc.inputValue()) !== '') {
      prefilled.push(`${f.label}=${await loc.inputValue()}`);
    }
  }
  check(`${stage.tag}: form renders every field by its label (${stage.fields.map((f) => f.key).join(', ')})`,
    missing.length === 0, missing.length ? `missing: ${missing.join('; ')}` : '');
  check(`${stage.tag}: no input pre-filled (earlier stages' values are not carried into same-named fields)`,
    prefilled.length === 0, prefilled.join('; '));
  const cut = await form.locator('label, .fjs-form-field-label').evaluateAll((labels) => labels
    .filter((l) => l.offsetParent && (l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1))
    .map((l) => l.textContent.trim()));
  check(`${stage.tag}: no label is cut off`, cut.length === 0, cut.join('; '));
  const rawText = await form.innerText();
  const text = rawText.replace(/\s+/g, ' ');
  const rawTemplates = text.match(/\{\{[^}]*\}\}?/g) || [];
  const title = stage.heading || stage.name;
  const heading = text.includes(title.replace('BCH', 'Ban Chấp hành')) || text.includes(title);
  check(`${stage.tag}: Vietnamese heading and the header naming the member (name, code, birth date, branch, Số hồ sơ)`
    + ', no raw {{…}} template',
    heading && rawTemplates.length === 0 && text.includes(`Đoàn viên: ${state.memberName} (mã ${state.memberCode}), sinh ngày `)
    && text.includes('Chi đoàn: Chi đoàn Vụ Tổng hợp') && text.includes(`Số hồ sơ: ${state.candidacyId}`),
    rawTemplates.length ? `raw: ${rawTemplates.join(' ')}` : (heading ? '' : 'heading missing'));
  if (stage.subject) {
    // The form's subject line must name the subject of this task (the suffix of the task's name).
    const shown = (rawText.match(/Người được thẩm tra:[ \t]*([^\n]*)/) || [])[1]?.trim();
    check(`${stage.tag}: form shows "Người được thẩm tra: ${stage.subject}" (the task name's suffix)`,
      shown === stage.subject, shown === undefined ? 'no "Người được thẩm tra:" line' : `form shows "${shown}"`);
  }
  await checkDocumentLinks(stage, page, form);
  await scanEnglish(page, 'task view', `task-view-${stage.file}`);
  const expected = summaryFor(stage);
  if (expected.length) {
    const absent = expected.filter((s) => !text.includes(s));
    check(`${stage.tag}: read-only summary of earlier stages shows their values`, absent.length === 0,
      absent.length ? `not found: ${absent.map((s) => `"${s}"`).join(', ')}` : `${expected.length} values found`);
  }
}

/** The documents of earlier stages each form links to, in its read-only summary (forms/*.form). */
const DOCUMENT_LINKS = {
  recordYouthCommitteeResolution: ['4_1-KND'],
  recordAwarenessCertificate: ['4-KND'],
  assignIntroducer: ['4-KND'],
  checkDossier: ['4-KND'],
  recordPartyCellVote: ['4_1-KND', '4-KND'],
  recordPartyCommitteeVote: ['4_1-KND', '4-KND', '6-KND'],
  recordAdmissionDecision: ['6-KND', '8-KND'],
  recordAdmissionCeremony: ['6-KND', '9-KND'],
};

/** Every link is in the form and downloads with the Tasklist session (page.request shares the page's cookies). */
async function checkDocumentLinks(stage, page, form) {
  const forms = DOCUMENT_LINKS[stage.key] || [];
  if (!forms.length) return;
  const hrefs = await form.locator('a[href*="/documents/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const problems = [];
  for (const href of forms.flatMap((f) => ['docx', 'pdf'].map((x) => `/api/candidacies/${state.candidacyId}/documents/${f}.${x}`))) {
    if (!hrefs.includes(href)) {
      problems.push(`no link ${href}`);
      continue;
    }
    const r = await page.request.get(`${BASE}${href}`);
    if (r.status() !== 200 || !/^attachment;/.test(r.headers()['content-disposition'] || '')) {
      problems.push(`${href}: HTTP ${r.status()}`);
    }
  }
  check(`${stage.tag}: links to the documents of earlier stages (${forms.join(', ')}) download with the Tasklist session`,
    problems.length === 0, problems.join('; '));
}

function summaryFor(stage) {
  const expected = [...stage.summary];
  if (stage.key === 'checkDossier' && state.certificateNumberStored) expected.push(`số ${STAGE.recordAwarenessCertificate.fields[1].value}`);
  if (stage.key === 'checkDossier' && !state.awarenessTaskSeen) {
    expected.splice(expected.indexOf(`Cấp mới ngày ${dmy(D.certificate)}`), 1, 'Giấy chứng nhận trong sổ đoàn viên còn hiệu lực');
  }
  return expected;
}

async function completeStage(stage, taskId, page) {
  let viaUi = true;
  let uiError = '';
  try {
    // One server-side refusal through the UI: more votes than attendees/members.
    const invalidField = stage.fields.find((f) => f.invalid !== undefined);
    if (invalidField) {
      for (const f of stage.fields) await fillField(page, f, f === invalidField ? f.invalid : f.value);
      await settle(page);
      const r = await clickComplete(page, taskId);
      const message = await notificationText(page);
      await screenshot(page, `error-${stage.file}-votes-above-members.png`);
      await scanEnglish(page, 'refusal', `refusal-${stage.file}-server`);
      const stillOpen = (await openTasks(state.processInstanceId)).some((t) => t.id === taskId);
      check(`${stage.tag}: ${invalidField.label} = ${invalidField.invalid} (above the members present) is refused `
        + `with "Không thể ghi nhận ${stage.name}: …", task stays open`, r && r.status() === 400
        && message.includes(`Không thể ghi nhận ${stage.name}: `) && /không được lớn hơn/.test(message)
        && stillOpen, `HTTP ${r ? r.status() : 'none'}; Tasklist shows: "${message}"`);
      if (/Cannot submit task form/.test(message)) {
        note('Tasklist shows server-side form errors behind the English prefix "An error happened while submitting the '
          + `task form : Cannot submit task form <task id>:" (cosmetic; error-${stage.file}-votes-above-members.png)`);
      }
      await closeNotifications(page);
    }
    // One client-side (form-js) refusal: a number below the form's minimum is flagged at once and Complete is disabled.
    const clientInvalid = stage.fields.find((f) => f.clientInvalid !== undefined);
    if (clientInvalid) {
      for (const f of stage.fields) await fillField(page, f, f === clientInvalid ? f.clientInvalid : f.value);
      await settle(page);
      const fieldError = (await page.locator('.task-card .fjs-form-field-error').allInnerTexts()).join(' | ').trim();
      const disabled = await completeButton(page).isDisabled();
      await screenshot(page, `error-${stage.file}-client-validation.png`, { fullForm: true });
      await scanEnglish(page, 'refusal', `refusal-${stage.file}-client-validation`);
      check(`${stage.tag}: ${clientInvalid.label} = ${clientInvalid.clientInvalid} is flagged by the form in Vietnamese `
        + `("${clientInvalid.clientMessage}") and Complete is disabled`, disabled && fieldError === clientInvalid.clientMessage,
      `form shows: "${fieldError}", Complete ${disabled ? 'disabled' : 'enabled'}`);
    }
    // Required-ness of one field: submitted empty, the form and the server must agree (both refuse or both accept).
    const probe = stage.fields.find((f) => f.requiredProbe);
    if (probe) {
      for (const f of stage.fields) await fillField(page, f, f === probe ? '' : f.value);
      await settle(page);
      const formError = (await page.locator('.task-card .fjs-form-field-error').allInnerTexts()).join(' | ').trim();
      if (await completeButton(page).isDisabled()) {
        await screenshot(page, `error-${stage.file}-${probe.key}-empty.png`, { fullForm: true });
        await scanEnglish(page, 'refusal', `refusal-${stage.file}-${probe.key}-empty`);
        check(`${stage.tag}: empty "${probe.label}" is refused by the form itself in Vietnamese ("${REQUIRED_MESSAGE}")`,
          formError === REQUIRED_MESSAGE, `form shows: "${formError}"`);
      } else {
        await screenshot(page, `${String(state.formNo).padStart(2, '0')}-${stage.file}-without-${probe.key}.png`,
          { fullForm: true });
        const r = await clickComplete(page, taskId);
        if (r && r.ok()) {
          state.formNo += 1;
          check(`${stage.tag}: "${probe.label}" is optional in the form and on the server; completed via the UI`, true);
          state.completedWithoutProbe = true;
          const gone = !(await openTasks(state.processInstanceId)).some((t) => t.id === taskId);
          check(`${stage.tag}: task completed (no longer open)`, gone);
          return;
        }
        const message = await notificationText(page);
        await screenshot(page, `error-${stage.file}-${probe.key}-empty.png`);
        check(`${stage.tag}: form and server agree on whether "${probe.label}" is required`, false,
          `the form marks it optional (no asterisk) but the server refuses: HTTP ${r ? r.status() : 'none'} "${message}"`);
        await closeNotifications(page);
      }
    }
    await fillAndVerify(page, stage);
    await screenshot(page, `${String(state.formNo).padStart(2, '0')}-${stage.file}.png`, { fullForm: true });
    state.formNo += 1;
    await expectValues(page, stage);
    const r = await clickComplete(page, taskId);
    if (!r || !r.ok()) {
      throw new Error(`submit ${r ? `HTTP ${r.status()}: ${await notificationText(page)}` : 'not sent (client validation: '
        + `${(await page.locator('.task-card .fjs-form-field-error').allInnerTexts()).join(' | ')})`}`);
    }
    if (probe) state.certificateNumberStored = true;
  } catch (e) {
    viaUi = false;
    uiError = e.message.split('\n').slice(0, 6).join(' ').replace(/\s+/g, ' ');
    await screenshot(page, `ui-failure-${stage.file}.png`).catch(() => {});
  }
  if (viaUi) {
    check(`${stage.tag}: filled and completed via the Tasklist UI`, true);
  } else {
    const variables = Object.fromEntries(stage.fields.map((f) => [f.key, restValue(f, f.value)]));
    const r = await rest(stage.user, 'POST', `/engine-rest/task/${taskId}/submit-form`, { variables });
    check(`${stage.tag}: completed via the Tasklist UI`, false, `UI could not be driven (${uiError}); `
      + `fell back to REST submit-form as ${stage.user}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    if (stage.fields.some((f) => f.requiredProbe)) state.certificateNumberStored = r.status < 300;
  }
  const gone = !(await openTasks(state.processInstanceId)).some((t) => t.id === taskId);
  check(`${stage.tag}: task completed (no longer open)`, gone);
}

// ---------------------------------------------------------------------------------------------------------------

const state = {
  memberCode: null, memberName: null, candidacyId: null, processInstanceId: null, formNo: 2, awarenessTaskSeen: false,
  certificateNumberStored: false, closed: false, subjectsSeen: [], dueShots: new Set(), withdrawalCandidacyId: null,
  englishShots: new Set(),
};

async function main() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.HEADED,
    args: LAUNCH_ARGS,
  });
  const up = await rest('admin', 'GET', '/engine-rest/version').catch((e) => ({ status: 0, text: e.cause?.code || e.message }));
  if (!check(`application reachable at ${BASE}`, up.status === 200, up.status ? `HTTP ${up.status}` : up.text)) return;
  await rm(OUT, { recursive: true, force: true }); // screenshots of the previous run go only once this one can run
  await mkdir(OUT, { recursive: true });
  const filters = (await rest('admin', 'GET', '/engine-rest/filter?resourceType=Task&maxResults=50')).json || [];
  filterIds = Object.fromEntries(filters.map((f) => [f.name, f.id]));
  check(`Tasklist filters "${FILTER_MINE}" and "${FILTER_UNIT}" exist`, filterIds[FILTER_MINE] && filterIds[FILTER_UNIT]);
  await loadLocales();
  for (const user of USERS) await session(user); // one logged-in browser context per demo user, kept for the run
  await menuAndFilterDialog('secretary');
  await menuAndFilterDialog('admin');

  // 1. Nomination: two refusals, then one accepted nomination.
  await nominationRefused('secretary', 'KTNN01-013', /Chưa đủ 18 tuổi/, '00-start-refused-KTNN01-013-under-18.png');
  await nominationRefused('secretary2', 'HVBC01-013', /xếp loại/, '00-start-refused-HVBC01-013-rating.png');
  // Unit scoping: secretary (branch KTNN-01) may not nominate a member of HVBC-01 (HVBC01-013 is also ineligible for
  // its rating; the refusal must name the branch).
  const cross = await rest('secretary', 'POST', '/engine-rest/process-definition/key/party-admission/submit-form', {
    variables: { memberCode: { value: 'HVBC01-013' }, nominationReason: { value: `Kiểm tra phạm vi chi đoàn ${RUN_MARK}` } },
  });
  const crossMessage = cross.json?.message || cross.text;
  check('secretary (KTNN-01) nominating HVBC01-013 (branch HVBC-01) is refused because of the branch',
    cross.status === 400 && /HVBC-01|chi đoàn này|chi đoàn của/.test(crossMessage), `HTTP ${cross.status} "${crossMessage}"`);
  await probeCrossBranchWithdrawal();

  await withdrawLeftovers();
  state.memberCode = await pickMember();
  const registered = await rest('admin', 'GET', `/api/members/${state.memberCode}`);
  state.memberName = registered.json?.fullName;
  const page = await session('secretary');
  await openStartForm(page);
  await screenshot(page, '01-nominateMember.png');
  const form = page.locator('.modal .fjs-container');
  check('nominateMember: start form renders "Mã đoàn viên" and "Lý do đề cử" with its Vietnamese heading',
    (await field(form, 'Mã đoàn viên').count()) === 1 && (await field(form, 'Lý do đề cử').count()) === 1
    && (await form.innerText()).includes('Đề cử đoàn viên ưu tú'));
  const started = await submitStartForm(page, { 'Mã đoàn viên': state.memberCode,
    'Lý do đề cử': `Đoàn viên ưu tú, hoàn thành xuất sắc nhiệm vụ, tích cực trong phong trào thanh niên ${RUN_MARK}.` },
  { after: '01-nominateMember-started.png' });
  state.processInstanceId = started.json?.id;
  check(`secretary nominates ${state.memberCode} through the start form`, started.status === 200 && state.processInstanceId,
    `HTTP ${started.status}; Tasklist shows: "${started.message}"`);
  if (!state.processInstanceId) return;
  const pi = await rest('admin', 'GET', `/engine-rest/process-instance/${state.processInstanceId}`);
  state.candidacyId = pi.json?.businessKey || started.json?.businessKey;
  check('the process instance\'s business key is the candidacy id', /^\d+$/.test(state.candidacyId || ''),
    `candidacy ${state.candidacyId}, process instance ${state.processInstanceId}`);

  // 2. Every user task, in pipeline order; verifyBackground as one task per subject, open side by side.
  const done = [];
  let formsDone = 0;
  for (let guard = 0; guard < 20; guard += 1) {
    const tasks = await nextTasks(state.processInstanceId);
    if (tasks.length === 0) break;
    const keys = [...new Set(tasks.map((t) => t.taskDefinitionKey))];
    const key = keys[0];
    if (!check(`open tasks: one, or several of one per-subject stage (${tasks.map((t) => t.taskDefinitionKey).join(', ')})`,
      keys.length === 1 && (tasks.length === 1 || STAGE[key]?.perSubject))) break;
    const stage = STAGE[key];
    if (!check(`next task ${key} is a known stage`, !!stage)) break;
    const expectedNext = TASK_ORDER.filter((k) => !done.includes(k))[0];
    if (key !== expectedNext && expectedNext !== 'recordAwarenessCertificate') {
      check(`task order: ${expectedNext} expected`, false, `got ${key}`);
    }
    if (expectedNext === 'recordAwarenessCertificate' && key !== expectedNext) {
      done.push('recordAwarenessCertificate');
      note(`recordAwarenessCertificate was skipped: member ${state.memberCode} has a valid certificate`);
    }
    if (stage.key === 'recordAwarenessCertificate') state.awarenessTaskSeen = true;
    check(`${key}: REST ${DUE_KEYS.includes(key) ? 'has' : 'has no'} due date on ${tasks.length > 1 ? 'every task' : 'the task'}`,
      tasks.every((t) => Boolean(t.due) === DUE_KEYS.includes(key)), tasks.map((t) => `due ${t.due}`).join('; '));
    let entries;
    if (stage.perSubject) {
      // "Thẩm tra lý lịch: <subject> — <member> (<branch>)"
      const subjectOf = (t) => (t.name || '').startsWith(`${stage.name}: `)
        ? t.name.slice(stage.name.length + 2).split(' — ')[0] : null;
      const names = tasks.map((t) => t.name);
      const subjects = tasks.map(subjectOf);
      check(`${key}: one open task per subject, exactly ${SUBJECTS.map((x) => `"${x}"`).join(', ')}`,
        subjects.length === SUBJECTS.length && SUBJECTS.every((x) => subjects.filter((y) => y === x).length === 1),
        `open: ${names.map((n) => `"${n}"`).join(', ')}`);
      state.subjectsSeen = subjects;
      entries = tasks.filter(subjectOf).map((task) => ({ stage: forSubject(stage, subjectOf(task)), task }))
        .sort((a, b) => SUBJECTS.indexOf(a.stage.subject) - SUBJECTS.indexOf(b.stage.subject));
    } else {
      entries = [{ stage, task: tasks[0] }];
    }
    console.log(`----  ${key} (${stage.user}), task${entries.length > 1 ? 's' : ''} ${entries.map((e) => e.task.id).join(', ')}`);
    await visibility(entries);
    for (const [i, { stage: s, task }] of entries.entries()) {
      if (entries.length > 1) console.log(`----  ${s.tag}, task ${task.id}`);
      const p = await claimAndOpen(s, task);
      await checkRenderedForm(s, p);
      await completeStage(s, task.id, p);
      formsDone += 1;
      const left = entries.slice(i + 1).map((e) => e.task.id);
      if (left.length) {
        const open = await openTasks(state.processInstanceId);
        check(`${s.tag}: the other ${left.length} verification(s) stay open, nothing else started`,
          left.every((id) => open.some((t) => t.id === id)) && open.every((t) => left.includes(t.id)),
          `open: ${open.map((t) => t.name).join(', ')}`);
      }
    }
    done.push(stage.key);
  }
  check(`the candidacy went through all ${FORM_COUNT} task forms (${TASK_ORDER.length} stages, verifyBackground `
    + `× ${SUBJECTS.length})`, done.length === TASK_ORDER.length && state.awarenessTaskSeen && formsDone === FORM_COUNT,
  `${formsDone} forms; stages: ${done.join(', ')}`);

  // 3. Final state: the asynchronous startProbation step ends the admission instance and starts the probation.
  const hpi = await rest('admin', 'GET', `/engine-rest/history/process-instance/${state.processInstanceId}`);
  const ran = async (activityId) => ((await rest('admin', 'GET', `/engine-rest/history/activity-instance?processInstanceId=`
    + `${state.processInstanceId}&activityId=${activityId}&maxResults=5`)).json || []).filter((a) => a.endTime && !a.canceled);
  const probationStep = await ran('startProbation');
  const admittedEnd = await ran('memberAdmitted');
  check('after the ceremony the job executor runs startProbation and the admission instance ends at memberAdmitted',
    hpi.json?.state === 'COMPLETED' && probationStep.length === 1 && admittedEnd.length === 1,
    `state ${hpi.json?.state}, startProbation ran ${probationStep.length}×, memberAdmitted reached ${admittedEnd.length}×`);
  const c = await rest('secretary', 'GET', `/api/candidacies/${state.candidacyId}`);
  await writeFile(`${OUT}/candidacy-${state.candidacyId}.json`, JSON.stringify(c.json ?? c.text, null, 2));
  check(`GET /api/candidacies/${state.candidacyId} → status ADMITTED`, c.json?.status === 'ADMITTED',
    `HTTP ${c.status}, status ${c.json?.status}, stage ${c.json?.stage}`);
  state.closed = c.json?.status && c.json.status !== 'IN_PROGRESS';
  const probations = (await rest('admin', 'GET', `/engine-rest/process-instance?processDefinitionKey=probation`
    + `&businessKey=${state.candidacyId}&maxResults=5`)).json || [];
  check(`a probation process instance runs with business key ${state.candidacyId}`, probations.length === 1,
    `${probations.length} instance(s)`);
  const pr = await rest('partycell', 'GET', `/api/candidacies/${state.candidacyId}/probation`);
  await writeFile(`${OUT}/probation-${state.candidacyId}.json`, JSON.stringify(pr.json ?? pr.text, null, 2));
  const [cy, cm, cd] = D.ceremony.split('-').map(Number);
  const endDate = new Date(Date.UTC(cy + 1, cm - 1, Math.min(cd, new Date(Date.UTC(cy + 1, cm, 0)).getUTCDate())))
    .toISOString().slice(0, 10); // twelve months on, same day of the month (clamped, as LocalDate.plusMonths)
  check(`GET /api/candidacies/${state.candidacyId}/probation (partycell) → IN_PROBATION from the ceremony, `
    + 'twelve months, vote due after the end', pr.status === 200 && pr.json?.status === 'IN_PROBATION'
    && pr.json?.ceremonyDate === D.ceremony && pr.json?.probationEndDate === endDate
    && (pr.json?.voteDueDate || '') > endDate,
  `HTTP ${pr.status}: status ${pr.json?.status}, ceremony ${pr.json?.ceremonyDate}, end ${pr.json?.probationEndDate} `
    + `(expected ${endDate}), vote due ${pr.json?.voteDueDate}`);
  const timeline = c.json?.timeline || [];
  const wrongActor = STAGES.filter((s) => s.key !== 'recordAwarenessCertificate' || state.awarenessTaskSeen)
    .filter((s) => !timeline.some((e) => e.stage === s.key && e.actor === s.user)).map((s) => s.key);
  check('the timeline records every stage with the user who completed it', wrongActor.length === 0,
    wrongActor.length ? `missing or other actor: ${wrongActor.join(', ')}` : `${timeline.length} entries`);
  const verifications = timeline.filter((e) => e.stage === 'verifyBackground' && e.action === 'STAGE_COMPLETED');
  const unrecorded = SUBJECTS.filter((x) => verifications.filter((e) => e.actor === 'partycommittee'
    && (e.summary || '').includes(`(${x})`)).length !== 1);
  check(`the timeline records one verification per subject by partycommittee (${SUBJECTS.length} entries)`,
    verifications.length === SUBJECTS.length && unrecorded.length === 0,
    `${verifications.length} entries${unrecorded.length ? `; missing or repeated: ${unrecorded.join(', ')}` : ''}`);
  // Verification notes are for Party roles only: partycommittee reads each subject's notes, secretary none of them.
  const notesOf = (t) => (t || []).filter((e) => e.stage === 'verifyBackground').map((e) => e.partyDetails?.verificationNotes);
  const partyView = (await rest('partycommittee', 'GET', `/api/candidacies/${state.candidacyId}`)).json?.timeline;
  const wantNotes = SUBJECTS.map((x) => forSubject(STAGE.verifyBackground, x).fields[1].value);
  const leaked = wantNotes.filter((n) => JSON.stringify(timeline).includes(n));
  check('verification notes: partycommittee reads each subject\'s notes in the timeline, secretary none',
    wantNotes.every((n) => notesOf(partyView).includes(n)) && leaked.length === 0 && notesOf(timeline).every((n) => !n),
    `partycommittee: ${notesOf(partyView).filter(Boolean).length} notes; secretary: ${leaked.length} leaked`);
  const joined = JSON.stringify(timeline);
  const values = ['05-NQ/CĐ', '12-NQ/ĐTN', '03-NQ/CB', '21-NQ/ĐU', '145-QĐ/ĐUK', D.branchMeeting, D.ceremony,
    'Lý lịch có vợ hoặc chồng: có', 'Lý lịch có cha mẹ của vợ hoặc chồng: không',
    'Lý lịch có người trực tiếp nuôi dưỡng: không'];
  const lost = values.filter((v) => !joined.includes(v));
  check('values typed in the browser reached the server (timeline summaries)', lost.length === 0,
    lost.length ? `not found: ${lost.join(', ')}` : '');

  // 3b. The probation's first form in Tasklist.
  await probationCellVote(probations[0]?.id, endDate);

  // 4. Withdrawal through the Tasklist start form "Rút hồ sơ đề nghị kết nạp".
  await withdrawalFromTasklist();
}

const PROBATION_CELL_VOTE = {
  key: 'recordProbationCellVote', tag: 'recordProbationCellVote', file: 'recordProbationCellVote', user: 'partycell',
  name: 'Ghi kết quả biểu quyết của chi bộ đề nghị công nhận đảng viên chính thức',
  summary: [], // its header names the member and the ceremony; no earlier stage's summary
  fields: [
    { key: 'meetingDate', kind: 'date', label: 'Ngày họp chi bộ', value: isoDaysAgo(0) },
    { key: 'officialMemberCount', kind: 'number', label: 'Số đảng viên chính thức của chi bộ', value: 12 },
    { key: 'votesFor', kind: 'number', label: 'Số phiếu tán thành', value: 11 },
    { key: 'votesAgainst', kind: 'number', label: 'Số phiếu không tán thành', value: 0 },
    { key: 'resolutionNumber', kind: 'text', label: 'Số nghị quyết của chi bộ', value: '09-NQ/CB' },
  ],
};

/**
 * The probation's cell vote in Tasklist. The twelve months cannot pass during a check, so the administrator makes the
 * probation's timer due now (PUT …/job/{id}/duedate, as for a timer that fell due while no node ran); the job executor
 * then opens the cell's task. partycell claims it, the form renders every field by its Vietnamese label with the
 * member's header, and a meeting dated today — before the end of the twelve months — is refused by the server's rule
 * table with the end date named; the task stays open and the probation is still IN_PROBATION.
 */
async function probationCellVote(probationInstanceId, endDate) {
  const stage = PROBATION_CELL_VOTE;
  console.log(`----  ${stage.key} (probation)`);
  if (!check('probation: the instance is there for the cell vote', !!probationInstanceId)) return;
  const timers = (await rest('admin', 'GET', `/engine-rest/job?processInstanceId=${probationInstanceId}&timers=true`
    + '&maxResults=5')).json || [];
  if (!check('probation: it waits on its twelve-month timer', timers.length === 1, `${timers.length} timer(s)`)) return;
  const lastMinute = new Date(Date.now() - 60000).toISOString().replace('Z', '+0000');
  const moved = await rest('admin', 'PUT', `/engine-rest/job/${timers[0].id}/duedate`, { duedate: lastMinute });
  check('probation: the administrator makes the timer due now', moved.status === 204, `HTTP ${moved.status} ${moved.text || ''}`);
  const task = (await nextTasks(probationInstanceId)).find((t) => t.taskDefinitionKey === stage.key);
  if (!check(`probation: the job executor opens ${stage.key} for party-cell`, !!task)) return;
  const page = await claimAndOpen(stage, task);
  await screenshot(page, `${stage.file}.png`, { fullForm: true });
  await checkRenderedForm(stage, page);
  for (const f of stage.fields) await fillField(page, f, f.value);
  await settle(page);
  const r = await clickComplete(page, task.id);
  const message = await notificationText(page);
  await screenshot(page, `error-${stage.file}-before-the-end.png`);
  await scanEnglish(page, 'refusal', `refusal-${stage.file}-before-the-end`);
  const stillOpen = (await openTasks(probationInstanceId)).some((t) => t.id === task.id);
  const pr = await rest('partycell', 'GET', `/api/candidacies/${state.candidacyId}/probation`);
  check(`${stage.tag}: a meeting today, before the twelve months end (${dmy(endDate)}), is refused by the server with `
    + `"Không thể ghi nhận ${stage.name}: …", the task stays open, still IN_PROBATION`, r && r.status() === 400
    && message.includes(`Không thể ghi nhận ${stage.name}: `) && message.includes('không được trước ngày hết thời kỳ dự bị')
    && stillOpen && pr.json?.status === 'IN_PROBATION',
  `HTTP ${r ? r.status() : 'none'}; Tasklist shows: "${message}"; task open: ${stillOpen}; status ${pr.json?.status}`);
}

/**
 * A second candidacy (REST, secretary) is withdrawn through the candidacy-withdrawal start form: secretary2 (branch
 * HVBC-01) is refused with a Vietnamese reason and nothing changes; secretary withdraws it.
 */
async function withdrawalFromTasklist() {
  console.log('----  candidacy-withdrawal (Tasklist start form)');
  const startable = {};
  for (const u of USERS) {
    const r = await rest(u, 'GET', '/engine-rest/process-definition?key=candidacy-withdrawal&latestVersion=true'
      + '&startableInTasklist=true&startablePermissionCheck=true&maxResults=5');
    startable[u] = (r.json || []).length === 1;
  }
  const youth = ['secretary', 'secretary2', 'youthcommittee'];
  const party = ['partycell', 'partycommittee', 'superior'];
  check(`"${WITHDRAWAL_NAME}" is startable in Tasklist by ${youth.join(', ')} and not by ${party.join(', ')}`,
    youth.every((u) => startable[u]) && party.every((u) => !startable[u]),
    Object.entries(startable).map(([u, ok]) => `${u}: ${ok ? 'yes' : 'no'}`).join(', '));

  const code = await pickMember();
  const started = await rest('secretary', 'POST', '/engine-rest/process-definition/key/party-admission/submit-form', {
    variables: { memberCode: { value: code }, nominationReason: { value: `Đề cử để kiểm tra rút hồ sơ trong Tasklist ${RUN_MARK}` } },
  });
  const id = started.json?.businessKey;
  const pid = started.json?.id;
  if (!check(`secretary nominates ${code} through REST for the withdrawal`, started.status === 200 && id,
    `HTTP ${started.status}, candidacy ${id}`)) return;
  state.withdrawalCandidacyId = id;
  const tasksBefore = await nextTasks(pid);
  const before = (await rest('secretary', 'GET', `/api/candidacies/${id}`)).json;

  // secretary2 (HVBC-01) may not withdraw a KTNN-01 candidacy.
  const p2 = await session('secretary2');
  await openStartForm(p2, WITHDRAWAL_NAME);
  const refused = await submitStartForm(p2, { 'Số hồ sơ': String(id), 'Lý do rút hồ sơ': `Bí thư chi đoàn HVBC-01 thử rút ${RUN_MARK}` },
    { after: 'error-requestWithdrawal-secretary2-refused.png' });
  const after = (await rest('secretary', 'GET', `/api/candidacies/${id}`)).json;
  const tasksAfter = await openTasks(pid);
  check(`secretary2 (HVBC-01) withdrawing candidacy ${id} (KTNN-01) is refused with "Không thể rút hồ sơ …"`,
    refused.status >= 400 && refused.status < 500 && /Không thể rút hồ sơ/.test(refused.message),
    `HTTP ${refused.status}; Tasklist shows: "${refused.message}"`);
  if (/Cannot instantiate process definition/.test(refused.message)) {
    note('Tasklist shows the withdrawal refusal behind the engine\'s English prefix "The process could not be started. : '
      + 'Cannot instantiate process definition candidacy-withdrawal:…:" (cosmetic; error-requestWithdrawal-secretary2-refused.png)');
  }
  check(`after the refusal candidacy ${id} is unchanged: IN_PROGRESS, same timeline, its task still open`,
    after?.status === 'IN_PROGRESS' && after?.timeline?.length === before?.timeline?.length
    && tasksBefore.length === 1 && tasksAfter.length === 1 && tasksAfter[0].id === tasksBefore[0].id,
    `status ${after?.status}, timeline ${before?.timeline?.length} → ${after?.timeline?.length} entries, `
    + `open tasks ${tasksAfter.map((t) => t.taskDefinitionKey).join(', ')}`);

  // secretary withdraws it.
  const reason = `Đoàn viên chuyển công tác sang đơn vị khác ${RUN_MARK}`;
  const p1 = await session('secretary');
  await openStartForm(p1, WITHDRAWAL_NAME);
  const form = p1.locator('.modal .fjs-container');
  check(`requestWithdrawal: start form renders "Số hồ sơ" and "Lý do rút hồ sơ" with its Vietnamese heading, no raw {{…}}`,
    (await field(form, 'Số hồ sơ').count()) === 1 && (await field(form, 'Lý do rút hồ sơ').count()) === 1
    && (await form.innerText()).includes(WITHDRAWAL_NAME) && !/\{\{/.test(await form.innerText()));
  const no = String(state.formNo).padStart(2, '0');
  const w = await submitStartForm(p1, { 'Số hồ sơ': String(id), 'Lý do rút hồ sơ': reason },
    { before: `${no}-requestWithdrawal.png`, after: `${no}-requestWithdrawal-started.png` });
  check(`secretary withdraws candidacy ${id} through the start form`, w.status === 200,
    `HTTP ${w.status}; Tasklist shows: "${w.message}"`);
  const c = await rest('secretary', 'GET', `/api/candidacies/${id}`);
  const last = (c.json?.timeline || []).at(-1);
  const open = await openTasks(pid);
  const running = await rest('admin', 'GET', `/engine-rest/process-instance/${pid}`);
  check(`candidacy ${id} is WITHDRAWN, its instance ended with no open task`,
    c.json?.status === 'WITHDRAWN' && open.length === 0 && running.status === 404,
    `status ${c.json?.status}, open tasks ${open.length}, instance HTTP ${running.status}`);
  check('the withdrawal and its reason are in the timeline, by secretary',
    last?.action === 'WITHDRAWN' && last?.actor === 'secretary' && (last?.summary || '').includes(reason),
    `last entry: ${JSON.stringify(last)}`);
}

let crashed = null;
try {
  await main();
} catch (e) {
  crashed = e;
  check('run completed without an unexpected error', false, e.stack?.split('\n').slice(0, 4).join(' ') || String(e));
  for (const [user, page] of [...sessions, ...pending]) {
    await screenshot(page, `crash-${user}.png`).catch(() => {});
  }
} finally {
  const leftOpen = [state.closed ? null : state.candidacyId, state.withdrawalCandidacyId].filter(Boolean);
  for (const id of leftOpen) {
    try {
      const c = await rest('secretary', 'GET', `/api/candidacies/${id}`);
      if (c.json?.status === 'IN_PROGRESS') {
        const w = await rest('secretary', 'POST', `/api/candidacies/${id}/withdraw`,
          { reason: 'Kiểm tra tự động bị dừng giữa chừng' });
        console.log(`INFO  run aborted: candidacy ${id} withdrawn (HTTP ${w.status})`);
      }
    } catch (e) {
      console.log(`INFO  run aborted: candidacy ${id} could not be withdrawn (${e.message}); the next run will`);
    }
  }
  if (ENGLISH.length) {
    reportLabelsAndRefusals();
    reportEnglish();
  }
  if (browser) await browser.close();
}
check('no Tasklist page load had scripts blocked by another response\'s CSP nonce', cspRetries === 0,
  `${cspRetries} blocked`);

const failed = results.filter((r) => !r.ok);
console.log('\nScreenshots:');
for (const s of shots) console.log(`  ${s}`);
if (notes.length) {
  console.log('\nNotes (possible defects, not failing the run):');
  for (const n of notes) console.log(`  - ${n}`);
}
console.log(`\n${results.length - failed.length}/${results.length} checks passed${failed.length ? `, ${failed.length} FAILED` : ''}`
  + `${state.candidacyId ? ` (candidacy ${state.candidacyId}, member ${state.memberCode})` : ''}`);
process.exit(failed.length || crashed ? 1 : 0);
